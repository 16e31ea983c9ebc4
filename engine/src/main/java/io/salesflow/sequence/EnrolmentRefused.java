package io.salesflow.sequence;

import io.salesflow.platform.problem.Problem;
import java.util.List;

/** Why a record cannot be enrolled: a problem type and a sentence, for one record or for a line of a bulk report. */
record EnrolmentRefused(int status, String type, String reason) {

    Problem problem() {
        return new Problem(
                status,
                type,
                "The record cannot be enrolled",
                reason,
                List.of(new Problem.FieldError("recordId", reason)));
    }
}
