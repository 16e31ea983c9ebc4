package io.salesflow.deal;

import java.math.BigDecimal;
import java.util.Objects;

/** What an approval is given for: the deal's money and the terms it is sold on. */
record DealFigures(
        BigDecimal amount, String currency, BigDecimal discountPercent, BigDecimal marginPercent, String region) {

    /** The same figures, numbers compared by value (10.5 is 10.50). */
    boolean sameAs(DealFigures other) {
        return same(amount, other.amount)
                && Objects.equals(currency, other.currency)
                && same(discountPercent, other.discountPercent)
                && same(marginPercent, other.marginPercent)
                && Objects.equals(region, other.region);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
