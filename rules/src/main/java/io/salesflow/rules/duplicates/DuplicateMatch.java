package io.salesflow.rules.duplicates;

import java.util.List;

/** A duplicate candidate: its id, the overall similarity (0-1) and the reasons behind it. */
public record DuplicateMatch(String candidateId, double similarity, List<MatchReason> reasons) {

    public DuplicateMatch {
        reasons = List.copyOf(reasons);
    }
}
