package io.salesflow.rules.duplicates;

/** One reason two records look like the same: what matched, the values compared, and how alike they are (0-1). */
public record MatchReason(Kind kind, String detail, double similarity) {

    /** What matched. */
    public enum Kind {
        SAME_EMAIL,
        SAME_PHONE,
        SAME_COMPANY_DOMAIN,
        SIMILAR_NAME,
        SIMILAR_COMPANY_NAME
    }
}
