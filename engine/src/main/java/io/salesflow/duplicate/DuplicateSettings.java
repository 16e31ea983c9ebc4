package io.salesflow.duplicate;

import io.salesflow.rules.duplicates.DuplicateThresholds;

/**
 * A tenant's duplicate settings: from which name similarity (0-1) names count as alike, from which overall
 * similarity a record is a candidate, which signals count, how emails are normalised and in which region national
 * phone numbers are read when the record names none. {@code version} is 0 while the defaults apply.
 */
public record DuplicateSettings(
        double personNameThreshold,
        double companyNameThreshold,
        double candidateThreshold,
        Signals signals,
        boolean gmailDots,
        boolean plusTags,
        String defaultRegion,
        long version) {

    /** Which kinds of evidence count. */
    public record Signals(boolean email, boolean phone, boolean domain, boolean name) {}

    static final DuplicateSettings DEFAULT = new DuplicateSettings(
            DuplicateThresholds.DEFAULT.personName(),
            DuplicateThresholds.DEFAULT.companyName(),
            DuplicateThresholds.DEFAULT.candidate(),
            new Signals(true, true, true, true),
            DuplicateThresholds.DEFAULT.gmailDots(),
            DuplicateThresholds.DEFAULT.plusTags(),
            DuplicateThresholds.DEFAULT.defaultRegion(),
            0);

    DuplicateThresholds thresholds() {
        return new DuplicateThresholds(
                personNameThreshold, companyNameThreshold, candidateThreshold, gmailDots, plusTags, defaultRegion);
    }

    DuplicateSettings withVersion(long version) {
        return new DuplicateSettings(
                personNameThreshold,
                companyNameThreshold,
                candidateThreshold,
                signals,
                gmailDots,
                plusTags,
                defaultRegion,
                version);
    }
}
