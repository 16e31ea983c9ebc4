package io.salesflow.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on, thrown by application services and turned into an RFC 9457
 * {@code application/problem+json} response: an HTTP status, a stable type slug, a title, a detail,
 * optional field errors and extra properties.
 */
public class Problem extends RuntimeException {

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
