package io.salesflow.rules.routing;

/** What became of a rep in one distribution. */
public enum Verdict {
    CHOSEN,
    PASSED_OVER,
    SKIPPED
}
