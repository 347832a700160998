package org.openreturns.channels;

/** OPEN until it is replayed successfully (REPLAYED) or someone decides it is not to be taken (DISCARDED). */
public enum DeadLetterStatus {
    OPEN, REPLAYED, DISCARDED
}
