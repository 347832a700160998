package org.openreturns.refunds;

import java.math.BigDecimal;
import java.util.Currency;

/** Minor units back to the currency's major unit, for people and files (docs/adr/0004-money-in-minor-units.md). */
final class Money {

    private Money() {
    }

    static BigDecimal major(long minor, String currency) {
        return BigDecimal.valueOf(minor, Currency.getInstance(currency).getDefaultFractionDigits());
    }
}
