package org.openreturns.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;

import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void amountsBecomeMinorUnitsOfTheirCurrency() {
        assertThat(Money.toMinorUnits(new BigDecimal("19.90"), EUR)).isEqualTo(1990);
        assertThat(Money.toMinorUnits(new BigDecimal("649"), EUR)).isEqualTo(64900);
        assertThat(Money.toMinorUnits(new BigDecimal("1200"), JPY)).isEqualTo(1200);
    }

    @Test
    void anAmountFinerThanTheMinorUnitIsRefusedNotRounded() {
        assertThat(Money.fitsMinorUnits(new BigDecimal("19.900"), EUR)).isTrue();
        assertThat(Money.fitsMinorUnits(new BigDecimal("19.901"), EUR)).isFalse();
        assertThat(Money.fitsMinorUnits(new BigDecimal("1200.5"), JPY)).isFalse();
        assertThatThrownBy(() -> Money.toMinorUnits(new BigDecimal("19.901"), EUR))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void minorUnitsBecomeAnAmountWithTheCurrencysDecimals() {
        assertThat(Money.fromMinorUnits(1990, EUR)).isEqualByComparingTo("19.90").hasToString("19.90");
        assertThat(Money.fromMinorUnits(1200, JPY)).hasToString("1200");
    }

    @Test
    void onlyIsoCodesAreCurrencies() {
        assertThat(Money.currency("PLN")).contains(Currency.getInstance("PLN"));
        assertThat(Money.currency("ABC")).isEmpty();
        assertThat(Money.currency(null)).isEmpty();
    }
}
