package org.openreturns.orders;

public enum CustomerTier {
    STANDARD, VIP, BLOCKED
}
