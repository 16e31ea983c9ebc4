package io.salesflow.platform.problem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on, thrown by application services and turned into an RFC 9457
 * {@code application/problem+json} response: an HTTP status, a stable type slug, a title, a detail,
 * optional field errors and extra properties.
 */
public class Problem extends RuntimeException {

    /** The problem property of a 429 that says how many seconds to wait; also sent as {@code Retry-After}. */
    public static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> fieldErrors;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public Problem(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of());
    }

    public Problem(int status, String type, String title, String detail, List<FieldError> fieldErrors) {
        super(detail);
        if (status == 429) {
            throw new IllegalArgumentException("a 429 says when to retry: use Problem.tooManyRequests");
        }
        this.status = status;
        this.type = type;
        this.title = title;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static Problem notFound(String resourceType, Object id) {
        return new Problem(404, "not-found", "Not found", resourceType + " " + id + " does not exist");
    }

    public static Problem conflict(String detail) {
        return new Problem(409, "conflict", "Conflict", detail);
    }

    public static Problem invalid(String field, String message) {
        return new Problem(
                400, "validation", "Invalid request", field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static Problem forbidden(String detail) {
        return new Problem(403, "forbidden", "Forbidden", detail);
    }

    public static Problem unauthorized(String type, String detail) {
        return new Problem(401, type, "Unauthorized", detail);
    }

    /**
     * A 429: the caller is told when to retry, in the {@code Retry-After} header and the
     * {@value #RETRY_AFTER_SECONDS} property (whole seconds, at least 1).
     */
    public static Problem tooManyRequests(String type, String title, String detail, Duration retryAfter) {
        return new Problem(type, title, detail).with(RETRY_AFTER_SECONDS, retryAfterSeconds(retryAfter));
    }

    /** Whole seconds to wait, rounded up, at least 1: {@code Retry-After: 0} would invite an immediate retry. */
    public static long retryAfterSeconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private Problem(String type, String title, String detail) {
        super(detail);
        this.status = 429;
        this.type = type;
        this.title = title;
        this.fieldErrors = List.of();
    }

    public Problem with(String property, Object value) {
        properties.put(property, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** One rejected field: its JSON path (e.g. {@code roles[1]}) and what is wrong with it. */
    public record FieldError(String field, String message) {}
}
