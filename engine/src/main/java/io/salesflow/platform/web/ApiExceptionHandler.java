package io.salesflow.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.salesflow.platform.problem.Problem;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
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
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of a {@code /api/v1} call into {@code application/problem+json}: bean validation
 * and unreadable JSON name the field, domain {@link Problem}s keep their status, and anything unexpected
 * becomes a 500 without internals (the request id lets operators find it in the log).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

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

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e, WebRequest request) {
        log.info("Integrity violation: {}", e.getMostSpecificCause().getMessage());
        return respond(
                Problems.of(
                        409,
                        "conflict",
                        "Conflict",
                        "The change conflicts with existing data (a duplicate or a missing reference)"),
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
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            String field = path((JsonMappingException) cause);
            String message = cause instanceof InvalidFormatException invalid
                    ? "has the wrong format or type (got " + invalid.getValue() + ")"
                    : "has the wrong type";
            Problem.FieldError error = new Problem.FieldError(field.isEmpty() ? "body" : field, message);
            return respond(Problems.validation(summary(List.of(error)), List.of(error)), request);
        }
        String detail = cause instanceof JsonProcessingException json
                ? "The body is not valid JSON: " + json.getOriginalMessage()
                : "The request body is missing or unreadable";
        return respond(Problems.of(400, "malformed-body", "Malformed request body", detail), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(
                415,
                "unsupported-media-type",
                "Unsupported media type",
                "Content type " + e.getContentType() + " is not accepted here; send "
                        + e.getSupportedMediaTypes().stream()
                                .map(MediaType::toString)
                                .collect(Collectors.joining(", ")));
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
