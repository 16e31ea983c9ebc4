package io.salesflow.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.salesflow.platform.problem.Problem;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of a {@code /api/v1} call into {@code application/problem+json}: bean validation
 * and unreadable JSON name the field, domain {@link Problem}s keep their status, and anything unexpected
 * becomes a 500 without internals (the request id lets operators find it in the log).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** Not-null and check violations: the value was wrong, not the state of other data. */
    private static final Set<String> CLIENT_CONSTRAINTS = Set.of("23502", "23514");

    @ExceptionHandler(Problem.class)
    ResponseEntity<Object> problem(Problem problem, WebRequest request) {
        return respond(Problems.of(problem), request);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<Object> accessDenied(Exception e, WebRequest request) {
        return respond(Problems.of(403, "forbidden", "Forbidden", "Your role does not allow this operation"), request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException e, WebRequest request) {
        return respond(
                Problems.of(
                        412,
                        "precondition-failed",
                        "Precondition failed",
                        "The resource was changed concurrently; fetch it again and reapply your change"),
                request);
    }

    /**
     * A write PostgreSQL refused: a unique, foreign or exclusion key is a conflict with existing data (409); a
     * data exception (SQLSTATE class 22: a value out of range, an invalid byte sequence) or a broken check or
     * not-null constraint is a bad value the input checks missed (400, logged without a stack trace).
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e, WebRequest request) {
        String sqlState = sqlState(e);
        if (sqlState != null && (sqlState.startsWith("22") || CLIENT_CONSTRAINTS.contains(sqlState))) {
            log.info(
                    "Refused value, SQLSTATE {}: {}",
                    sqlState,
                    e.getMostSpecificCause().getMessage());
            return respond(
                    Problems.of(
                            400,
                            "invalid-value",
                            "Invalid value",
                            "A value in the request cannot be stored (SQLSTATE " + sqlState + ")"),
                    request);
        }
        log.info(
                "Integrity violation, SQLSTATE {}: {}",
                sqlState,
                e.getMostSpecificCause().getMessage());
        return respond(
                Problems.of(
                        409,
                        "conflict",
                        "Conflict",
                        "The change conflicts with existing data (a duplicate or a missing reference)"),
                request);
    }

    /** A multipart body Tomcat could not read: a file name with NUL in it, a missing boundary, a cut-off part. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> unreadableMultipart(MultipartException e, WebRequest request) {
        if (causeOf(e, InvalidFileNameException.class) != null) {
            return respond(fieldError("file", "has a file name with a NUL character"), request);
        }
        return respond(
                Problems.of(
                        400,
                        "malformed-body",
                        "Malformed request body",
                        "The multipart body cannot be read: "
                                + e.getMostSpecificCause().getMessage()),
                request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraint(ConstraintViolationException e, WebRequest request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return respond(Problems.validation(summary(errors), errors), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
        Problem.FieldError error = new Problem.FieldError(e.getName(), "is not a valid value: " + e.getValue());
        return respond(Problems.validation(summary(List.of(error)), List.of(error)), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        Problem wrapped = causeOf(e, Problem.class);
        if (wrapped != null) {
            // a domain problem from inside a library that wraps what it calls (a process engine task listener)
            return problem(wrapped, request);
        }
        log.error("Unexpected failure", e);
        return respond(
                Problems.of(
                        500,
                        "internal",
                        "Internal error",
                        "Something went wrong on our side; quote the request id when reporting it"),
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problem.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new Problem.FieldError(f.getField(), f.getDefaultMessage()))
                .collect(Collectors.toList());
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(g -> errors.add(new Problem.FieldError(g.getObjectName(), g.getDefaultMessage())));
        return respond(Problems.validation(summary(errors), errors), request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problem.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new Problem.FieldError(
                                r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return respond(Problems.validation(summary(errors), errors), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof BodySizeLimitFilter.BodyTooLarge tooLarge) {
            return respond(BodySizeLimitFilter.tooLarge(tooLarge.limit), request);
        }
        StrictUtf8InputStream.InvalidUtf8 invalidUtf8 = causeOf(e, StrictUtf8InputStream.InvalidUtf8.class);
        if (invalidUtf8 != null) {
            return respond(
                    Problems.of(
                            400,
                            "malformed-body",
                            "Malformed request body",
                            "The body is not valid UTF-8: " + invalidUtf8.getMessage()),
                    request);
        }
        StrictJsonFactory.InvalidText invalidText = causeOf(e, StrictJsonFactory.InvalidText.class);
        if (invalidText != null) {
            return respond(fieldError(invalidText.field, invalidText.reason), request);
        }
        // A value Jackson could not convert (an unparseable date) has the conversion's exception as its most
        // specific cause; the mapping exception wrapping it knows the field.
        for (Throwable c = e.getCause(); c != null && !(cause instanceof JsonMappingException); c = c.getCause()) {
            if (c instanceof JsonMappingException mapping) {
                cause = mapping;
            }
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            Problem.FieldError error = new Problem.FieldError(field, "is not a known field");
            ProblemDetail problem = Problems.validation("Unknown field '" + field + "'", List.of(error));
            return respond(problem, request);
        }
        if (cause instanceof MismatchedInputException mismatch
                && mismatch.getOriginalMessage().startsWith("Trailing token")) {
            return respond(
                    Problems.of(
                            400,
                            "malformed-body",
                            "Malformed request body",
                            "The body has more after its JSON value; send exactly one JSON value"),
                    request);
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            String field = path((JsonMappingException) cause);
            String message = cause instanceof StrictJson.RefusedValue refused
                    ? refused.getOriginalMessage()
                    : cause instanceof InvalidFormatException invalid
                            ? "has the wrong format or type (got " + invalid.getValue() + ")"
                            : "has the wrong type";
            return respond(fieldError(field.isEmpty() ? "body" : field, message), request);
        }
        String detail = cause instanceof JsonProcessingException json
                ? "The body is not valid JSON: " + json.getOriginalMessage()
                : "The request body is missing or unreadable";
        return respond(Problems.of(400, "malformed-body", "Malformed request body", detail), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String message = "is not accepted here; send "
                + e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
        ProblemDetail problem = Problems.of(
                415,
                "unsupported-media-type",
                "Unsupported media type",
                "Content type " + e.getContentType() + " " + message);
        problem.setProperty("errors", List.of(new Problem.FieldError("Content-Type", message)));
        return respond(problem, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            String type = problem.getType() == null
                            || "about:blank".equals(problem.getType().toString())
                    ? slug(problem.getTitle())
                    : null;
            if (type != null) {
                body = Problems.retype(problem, type, problem.getTitle());
            }
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private ResponseEntity<Object> respond(ProblemDetail problem, WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
        Problems.retryAfterSeconds(problem)
                .ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, seconds.toString()));
        return response.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ProblemDetail fieldError(String field, String message) {
        Problem.FieldError error = new Problem.FieldError(field, message);
        return Problems.validation(summary(List.of(error)), List.of(error));
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static String sqlState(Throwable e) {
        SQLException sql = causeOf(e, SQLException.class);
        return sql == null ? null : sql.getSQLState();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String summary(List<Problem.FieldError> errors) {
        return errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
    }

    private static String leaf(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static String slug(String title) {
        return title == null
                ? "error"
                : title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
