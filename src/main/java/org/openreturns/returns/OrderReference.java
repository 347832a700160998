package org.openreturns.returns;

/** The order a return belongs to, as far as the return's steps need it. */
public record OrderReference(String orderNumber, String channel, String currency, String warehouse) {
}
