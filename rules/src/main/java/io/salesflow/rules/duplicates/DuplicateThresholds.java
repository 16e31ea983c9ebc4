package io.salesflow.rules.duplicates;

/**
 * A tenant's duplicate settings. Names count as similar from {@code personName} / {@code companyName} (Jaro-Winkler,
 * 0-1); a record is a candidate from an overall similarity of {@code candidate}. {@code gmailDots} and
 * {@code plusTags} switch on the email normalisations of {@link Emails}; {@code defaultRegion} reads national phone
 * numbers.
 */
public record DuplicateThresholds(
        double personName,
        double companyName,
        double candidate,
        boolean gmailDots,
        boolean plusTags,
        String defaultRegion) {

    public static final DuplicateThresholds DEFAULT = new DuplicateThresholds(0.90, 0.92, 0.60, true, true, null);

    public DuplicateThresholds {
        for (double d : new double[] {personName, companyName, candidate}) {
            if (d < 0 || d > 1) {
                throw new IllegalArgumentException("thresholds are between 0 and 1");
            }
        }
    }
}
