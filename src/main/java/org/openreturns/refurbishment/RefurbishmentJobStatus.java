package org.openreturns.refurbishment;

/** A refurbishment job waits in the queue until refurbishment completes it. */
public enum RefurbishmentJobStatus {
    OPEN, DONE
}
