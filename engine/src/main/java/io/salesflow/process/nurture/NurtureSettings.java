package io.salesflow.process.nurture;

import java.time.Duration;
import java.time.Period;
import java.util.UUID;

/**
 * The timings of lead nurture for one tenant.
 *
 * @param firstContactSla working time on the owner's business calendar within which a hot lead gets its first
 *     contact
 * @param touchCount how many touches a warm lead gets
 * @param touchSpacingDays working days between two touches
 * @param coldRescoreEvery how often a cold lead is scored again (calendar time)
 * @param coldRequalifyAfter after how long a lead that stays cold gets a re-qualification task
 * @param unqualifiedRequalifyAfter after how long an unqualified lead gets a re-qualification task
 * @param warmSequenceId the follow-up sequence a warm lead is enrolled in instead of getting touch tasks; null: touches
 */
public record NurtureSettings(
        Duration firstContactSla,
        int touchCount,
        int touchSpacingDays,
        Period coldRescoreEvery,
        Period coldRequalifyAfter,
        Period unqualifiedRequalifyAfter,
        UUID warmSequenceId,
        long version) {

    /** As the API shows them: durations and periods in ISO 8601. */
    public record View(
            String firstContactSla,
            int touchCount,
            int touchSpacingDays,
            String coldRescoreEvery,
            String coldRequalifyAfter,
            String unqualifiedRequalifyAfter,
            UUID warmSequenceId,
            long version) {}

    View view() {
        return new View(
                firstContactSla.toString(),
                touchCount,
                touchSpacingDays,
                coldRescoreEvery.toString(),
                coldRequalifyAfter.toString(),
                unqualifiedRequalifyAfter.toString(),
                warmSequenceId,
                version);
    }

    static final NurtureSettings DEFAULTS = new NurtureSettings(
            Duration.ofHours(4), 3, 2, Period.ofDays(14), Period.ofDays(60), Period.ofDays(90), null, 0);
}
