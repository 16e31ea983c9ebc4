package io.salesflow.attachment;

import io.salesflow.platform.problem.Problem;
import java.util.List;

/** The answers to a file that cannot be kept; each names the multipart part {@code file}. */
final class UploadProblems {

    static final String FIELD = "file";

    private UploadProblems() {}

    static Problem tooLarge(long limit) {
        String message = "is larger than the limit of " + limit + " bytes";
        return new Problem(
                413,
                "payload-too-large",
                "Payload too large",
                FIELD + ": " + message,
                List.of(new Problem.FieldError(FIELD, message)));
    }

    static Problem unsupported(String message) {
        return new Problem(
                415,
                "unsupported-media-type",
                "Unsupported media type",
                FIELD + ": " + message,
                List.of(new Problem.FieldError(FIELD, message)));
    }

    static Problem invalid(String message) {
        return Problem.invalid(FIELD, message);
    }
}
