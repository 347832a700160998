package org.openreturns.workspace;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Money for people: minor units shown in the page's language with the currency's symbol and decimals. */
@Component("formats")
public class Formats {

    public String money(Long minor, String currency) {
        if (minor == null || currency == null) {
            return "";
        }
        Currency unit = Currency.getInstance(currency.strip());
        NumberFormat format = NumberFormat.getCurrencyInstance(LocaleContextHolder.getLocale());
        format.setCurrency(unit);
        format.setMinimumFractionDigits(unit.getDefaultFractionDigits());
        format.setMaximumFractionDigits(unit.getDefaultFractionDigits());
        return format.format(BigDecimal.valueOf(minor, unit.getDefaultFractionDigits()));
    }

    /** The amount as a plain decimal (19.90), for exports that a spreadsheet reads. */
    public static String decimal(Long minor, String currency) {
        if (minor == null) {
            return "";
        }
        return BigDecimal.valueOf(minor, Currency.getInstance(currency.strip()).getDefaultFractionDigits())
                .toPlainString();
    }
}
