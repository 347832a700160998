package org.openreturns.system;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/**
 * Converts between the decimal amounts the API speaks ({@code 19.90} EUR) and the minor units the application
 * stores and computes with ({@code 1990}); see docs/adr/0004-money-in-minor-units.md.
 */
public final class Money {

    private Money() {
    }

    /** The currency of an ISO 4217 code, or empty when the code names none. */
    public static Optional<Currency> currency(String code) {
        try {
            return Optional.of(Currency.getInstance(code));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** Whether the amount can be expressed in whole minor units: 19.90 EUR can, 19.901 EUR cannot. */
    public static boolean fitsMinorUnits(BigDecimal amount, Currency currency) {
        return Math.max(0, amount.stripTrailingZeros().scale()) <= currency.getDefaultFractionDigits();
    }

    /** The amount in minor units; refuses an amount that does not fit them instead of rounding it. */
    public static long toMinorUnits(BigDecimal amount, Currency currency) {
        return amount.movePointRight(currency.getDefaultFractionDigits()).longValueExact();
    }

    /** The amount in the currency's major unit, with as many decimals as the currency has: 1990 EUR is 19.90. */
    public static BigDecimal fromMinorUnits(long minorUnits, Currency currency) {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits());
    }

    /** The amount in the major unit of the currency with this ISO 4217 code. */
    public static BigDecimal fromMinorUnits(long minorUnits, String currencyCode) {
        return fromMinorUnits(minorUnits, Currency.getInstance(currencyCode));
    }
}
