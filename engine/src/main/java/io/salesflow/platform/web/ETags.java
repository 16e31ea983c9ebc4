package io.salesflow.platform.web;

import io.salesflow.platform.problem.PreconditionFailed;
import io.salesflow.platform.problem.Problem;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its row version; an update that sends
 * {@code If-Match} with any other version is refused with 412 before anything is written, one whose
 * {@code If-Match} is no list of entity tags (such as {@code abc}, without the quotes) with 400.
 */
public final class ETags {

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Whether {@code ifMatch} names versions: absent, blank and {@code *} accept the current one, whatever it is. */
    public static boolean isConditional(String ifMatch) {
        return ifMatch != null && !ifMatch.isBlank() && !ifMatch.trim().equals("*");
    }

    /** Passes when {@code ifMatch} is absent, {@code *}, or lists the current version. */
    public static void check(String ifMatch, long currentVersion) {
        if (!isConditional(ifMatch)) {
            return;
        }
        String current = of(currentVersion);
        boolean matches = false;
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() < 2 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
                throw Problem.invalid(
                        "If-Match", "must be an entity tag in quotes as the ETag header gives it, e.g. \"3\", or *");
            }
            matches |= tag.equals(current);
        }
        if (!matches) {
            throw new PreconditionFailed(current);
        }
    }
}
