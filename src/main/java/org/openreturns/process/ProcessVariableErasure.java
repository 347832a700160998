package org.openreturns.process;

import java.util.Collection;

/**
 * Erases personal data from the engine's copies: the process variables of the instances that ran for some business
 * objects (a customer's returns, by RMA number), whichever engine runs them. Part of a customer's erasure
 * (docs/operations.md, "Personal data: erasure and retention").
 */
public interface ProcessVariableErasure {

    /** What an erased variable holds from now on, where the engine keeps the variable itself. */
    String ERASED = "[erased]";

    /**
     * Overwrites the named variables of the running instances with these business keys with {@link #ERASED}, and
     * removes them from the engine's history of those instances as far as the engine lets the application do so.
     * Variables that are not there are skipped, so erasing again changes nothing.
     *
     * @return how many variables were overwritten or removed
     */
    int eraseVariables(Collection<String> businessKeys, Collection<String> variableNames);
}
