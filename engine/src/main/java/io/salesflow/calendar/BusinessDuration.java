package io.salesflow.calendar;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of business time as a BPMN timer can write it: ISO 8601 {@code PnDTnHnMnS} where days are working days
 * ({@link BusinessCalendar#plusWorkingDays}) and the rest working time ({@link BusinessCalendar#plus(java.time.Instant,
 * Duration)}). Weeks, months and years are refused: how many working days they hold is not fixed.
 */
public record BusinessDuration(int workingDays, Duration workingTime) {

    /** About ten years of a five-day, 40-hour week: more is a typo, and would keep a timer scanning for long. */
    public static final int MAX_WORKING_DAYS = 2_500;

    public static final Duration MAX_WORKING_TIME = Duration.ofHours(20_000);

    private static final Pattern FORMAT =
            Pattern.compile("P(?:(\\d{1,9})D)?(?:T(?=\\d)(?:(\\d{1,9})H)?(?:(\\d{1,9})M)?(?:(\\d{1,9})S)?)?");

    public BusinessDuration {
        if (workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
            throw new IllegalArgumentException("Working days must be from 0 to " + MAX_WORKING_DAYS);
        }
        if (workingTime.isNegative() || workingTime.compareTo(MAX_WORKING_TIME) > 0) {
            throw new IllegalArgumentException("Working time must be from PT0S to " + MAX_WORKING_TIME);
        }
    }

    /** Reads {@code P2D}, {@code PT4H}, {@code P1DT4H30M}, … (letters in either case). */
    public static BusinessDuration parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches() || m.group(0).equals("P")) {
            throw new IllegalArgumentException(
                    "Not a business duration: " + text + "; write it like P2D (working days) or PT4H30M");
        }
        Duration time = Duration.ofHours(number(m.group(2)))
                .plusMinutes(number(m.group(3)))
                .plusSeconds(number(m.group(4)));
        return new BusinessDuration((int) Math.min(number(m.group(1)), Integer.MAX_VALUE), time);
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    @Override
    public String toString() {
        String time = workingTime.isZero() && workingDays > 0
                ? ""
                : workingTime.toString().substring(1);
        return "P" + (workingDays > 0 ? workingDays + "D" : "") + time;
    }
}
