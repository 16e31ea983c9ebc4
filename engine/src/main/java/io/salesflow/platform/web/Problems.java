package io.salesflow.platform.web;

import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.request.RequestContext;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 bodies every error response of Salesflow uses, from handlers and from filters alike. */
public final class Problems {

    private static final String TYPE_BASE = "/problems/";

    private Problems() {}

    public static ProblemDetail of(int status, String type, String title, String detail) {
        if (status == 429) {
            throw new IllegalArgumentException("a 429 says when to retry: use Problem.tooManyRequests");
        }
        return detail(status, type, title, detail);
    }

    private static ProblemDetail detail(int status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        String requestId = RequestContext.requestId();
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    public static ProblemDetail of(Problem p) {
        ProblemDetail problem = detail(p.status(), p.type(), p.title(), p.getMessage());
        if (!p.fieldErrors().isEmpty()) {
            problem.setProperty("errors", p.fieldErrors());
        }
        p.properties().forEach(problem::setProperty);
        return problem;
    }

    /** The seconds a 429 asks the caller to wait, for its {@code Retry-After} header. */
    public static Optional<Long> retryAfterSeconds(ProblemDetail problem) {
        Map<String, Object> properties = problem.getProperties();
        return properties != null && properties.get(Problem.RETRY_AFTER_SECONDS) instanceof Number seconds
                ? Optional.of(seconds.longValue())
                : Optional.empty();
    }

    public static ProblemDetail validation(String detail, List<Problem.FieldError> errors) {
        ProblemDetail problem = of(400, "validation", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** Retypes a problem Spring MVC built itself, keeping its status and detail. */
    public static ProblemDetail retype(ProblemDetail problem, String type, String title) {
        ProblemDetail result = of(problem.getStatus(), type, title, problem.getDetail());
        Map<String, Object> properties = problem.getProperties();
        if (properties != null) {
            properties.forEach(result::setProperty);
        }
        return result;
    }
}
