package io.salesflow.records;

import io.salesflow.platform.input.Decimals;
import io.salesflow.platform.input.TimeRange;
import io.salesflow.platform.problem.Problem;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Turns request text into typed SQL parameters, and says which field was wrong when it cannot. */
final class SqlValues {

    /** More than any number field keeps (custom numbers: 30 digits). */
    static final int MAX_DIGITS = 40;

    private SqlValues() {}

    static Object convert(RecordField field, Operator operator, String value, String param) {
        if (operator == Operator.IS_NULL) {
            if (!value.equals("true") && !value.equals("false")) {
                throw Problem.invalid(param, "must be true or false");
            }
            return Boolean.valueOf(value);
        }
        try {
            return switch (field.type()) {
                case UUID, UUID_ARRAY -> java.util.UUID.fromString(value);
                case NUMBER -> number(value, param);
                case DATE -> TimeRange.check(param, LocalDate.parse(value));
                case TIMESTAMP -> Timestamp.from(TimeRange.check(param, instant(value)));
                case BOOLEAN -> bool(value);
                case TEXT, TEXT_ARRAY, JSON -> value;
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw Problem.invalid(
                    param,
                    "'" + value + "' is not a valid " + field.type().name().toLowerCase());
        }
    }

    /** A number PostgreSQL can compare: not {@code 1e999999}, whose digits it cannot hold, nor {@code 1e-999999}. */
    private static BigDecimal number(String value, String param) {
        BigDecimal number = new BigDecimal(value);
        if (Decimals.writtenDigits(number) > MAX_DIGITS) {
            throw Problem.invalid(param, "must be a number of at most " + MAX_DIGITS + " digits");
        }
        return number;
    }

    /** Only {@code true} or {@code false}: {@link Boolean#valueOf} would read any other word as false. */
    private static Boolean bool(String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(value);
        }
        return Boolean.valueOf(value);
    }

    /** Accepts a full ISO instant or a plain date (its start, UTC). */
    private static Instant instant(String value) {
        if (value.length() == 10) {
            return LocalDate.parse(value).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value).toInstant();
    }
}
