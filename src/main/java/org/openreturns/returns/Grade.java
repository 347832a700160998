package org.openreturns.returns;

/** Inspection grades of docs/specification/vocabulary.md, A (like new) to E (not worth saving). */
public enum Grade {
    A, B, C, D, E
}
