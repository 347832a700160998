package org.openreturns.marketplaces;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.openreturns.returns.ReasonCode;

/**
 * How one marketplace writes its order and return reports (docs/marketplaces.md): the separator, the columns a report
 * must have, which column holds the order (or return) whose rows belong together, and how those rows become an order
 * or a return. A value that cannot be read is refused naming its line and column.
 */
interface ReportFormat {

    /** The channel whose reports these are. */
    String channel();

    char delimiter();

    List<String> orderColumns();

    /** The column whose value groups the rows of one order; a report lists them one after the other. */
    String orderIdColumn();

    MarketplaceOrder order(List<ReportRow> rows);

    List<String> returnColumns();

    String returnIdColumn();

    /** Whether the row is of a return the marketplace authorised; the others (pending, rejected) are left out. */
    default boolean authorised(ReportRow row) {
        return true;
    }

    MarketplaceReturn returnOf(List<ReportRow> rows);

    /** Ids, SKUs and customer ids as the product stores them. */
    int MAX_ID_LENGTH = 64;

    Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    static String id(ReportRow row, String column) {
        String id = row.required(column);
        if (id.length() > MAX_ID_LENGTH) {
            throw row.problem(column, "is longer than " + MAX_ID_LENGTH + " characters");
        }
        return id;
    }

    static String email(ReportRow row, String column) {
        String email = row.required(column);
        if (!EMAIL.matcher(email).matches() || email.length() > 200) {
            throw row.problem(column, "'" + email + "' is not an e-mail address");
        }
        return email;
    }

    static int positiveCount(ReportRow row, String column) {
        String text = row.required(column);
        try {
            int count = Integer.parseInt(text);
            if (count >= 1 && count <= 1_000_000) {
                return count;
            }
        } catch (NumberFormatException notANumber) {
            // refused below, as a number out of range is
        }
        throw row.problem(column, "must be a whole number from 1 to 1000000, not '" + text + "'");
    }

    static String currency(ReportRow row, String column) {
        String code = row.required(column);
        if (org.openreturns.system.Money.currency(code).isEmpty()) {
            throw row.problem(column, "'" + code + "' is not an ISO 4217 currency code");
        }
        return code;
    }

    /** The amount, refused when negative, implausibly large or finer than the currency's minor unit. */
    static BigDecimal amount(ReportRow row, String column, Optional<BigDecimal> parsed, String currency,
                             String example) {
        BigDecimal amount = parsed.orElseThrow(() -> row.problem(column, "'" + row.text(column)
                + "' is not an amount such as " + example));
        if (amount.signum() < 0 || amount.compareTo(BigDecimal.valueOf(100_000_000)) > 0) {
            throw row.problem(column, "must be an amount from 0 to 100000000, not " + row.text(column));
        }
        java.util.Currency code = java.util.Currency.getInstance(currency);
        if (!org.openreturns.system.Money.fitsMinorUnits(amount, code)) {
            throw row.problem(column, row.text(column) + " has more decimals than " + currency + " allows");
        }
        return amount;
    }

    /** The reason code that fits a marketplace's reason, if any; the reason's own words go with the return anyway. */
    static ReasonCode reasonCode(String reason, java.util.Map<String, ReasonCode> known) {
        return known.get(reason.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
