package org.openreturns.privacy;

/** Why a customer's personal data was erased. */
public enum ErasureCause {
    /** The customer asked for it (through support, who ask an administrator). */
    REQUEST,
    /** Nothing of the customer was newer than the retention period ({@code returns.privacy.retention}). */
    RETENTION
}
