package org.openreturns.process;

/**
 * The Spring profile that selects the process runtime. Without it the models run on the embedded Operaton engine;
 * with it on a Camunda 8 cluster (docs/adr/0011-camunda-8-runtime.md). Exactly one runtime's beans exist.
 */
public final class Runtimes {

    public static final String CAMUNDA8 = "camunda8";

    private Runtimes() {
    }
}
