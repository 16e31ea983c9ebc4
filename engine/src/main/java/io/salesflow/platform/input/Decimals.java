package io.salesflow.platform.input;

import java.math.BigDecimal;

/**
 * Counts a number's digits as it is written out without an exponent: {@code 1e999999} has a million, although
 * {@link BigDecimal#precision()} says one. A bound on these is a bound on what reaches PostgreSQL and on the
 * text the number becomes.
 */
public final class Decimals {

    private Decimals() {}

    /** Integer digits plus fraction digits: 3 for {@code 123}, 5 for {@code 123.45}, 3 for {@code 0.001}. */
    public static long writtenDigits(BigDecimal value) {
        long integer = Math.max((long) value.precision() - value.scale(), 0);
        long fraction = Math.max(value.scale(), 0);
        return integer + fraction;
    }
}
