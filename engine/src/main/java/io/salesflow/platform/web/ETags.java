package io.salesflow.platform.web;

import io.salesflow.platform.problem.PreconditionFailed;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its row version; an update that sends
 * {@code If-Match} with any other version is refused with 412 before anything is written.
 */
public final class ETags {

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Passes when {@code ifMatch} is absent, {@code *}, or lists the current version. */
    public static void check(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(current)) {
                return;
            }
        }
        throw new PreconditionFailed(current);
    }
}
