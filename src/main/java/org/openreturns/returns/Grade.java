package org.openreturns.returns;

/** Inspection grades of DOMAIN.md, A (like new) to E (not worth saving). */
public enum Grade {
    A, B, C, D, E
}
