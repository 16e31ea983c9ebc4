package io.salesflow.process.task;

import io.salesflow.platform.input.TimeRange;
import io.salesflow.platform.problem.Problem;
import java.time.Instant;
import java.util.UUID;

/**
 * What a task list asks for.
 *
 * @param view {@code mine} (assigned to me, delegated by me, or open to one of my groups), {@code team} (assigned
 *     to members of teams I manage or am in, with a team or wider scope), {@code all} (the workspace's, with the
 *     widest scope)
 */
record TaskFilter(
        String view,
        String recordType,
        UUID recordId,
        String processKey,
        Instant dueBefore,
        Instant dueAfter,
        Instant followUpBefore,
        Instant followUpAfter) {

    TaskFilter {
        inRange("dueBefore", dueBefore);
        inRange("dueAfter", dueAfter);
        inRange("followUpBefore", followUpBefore);
        inRange("followUpAfter", followUpAfter);
    }

    private static void inRange(String field, Instant value) {
        if (value != null && !TimeRange.contains(value)) {
            throw Problem.invalid(field, TimeRange.MESSAGE);
        }
    }
}
