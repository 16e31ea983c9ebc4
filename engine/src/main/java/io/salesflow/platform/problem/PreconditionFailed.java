package io.salesflow.platform.problem;

/** The caller's {@code If-Match} names a version that is no longer current. */
public class PreconditionFailed extends Problem {

    public PreconditionFailed(String currentETag) {
        super(
                412,
                "precondition-failed",
                "Precondition failed",
                "The resource was changed since you read it; fetch it again and reapply your change");
        with("currentETag", currentETag);
    }
}
