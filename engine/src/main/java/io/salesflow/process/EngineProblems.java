package io.salesflow.process;

import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What the engine says to an API call, in our problem vocabulary: a domain problem raised inside the process (a
 * delegate refusing a change) as itself, the engine's own refusals as the 4xx they are. The engine's state is
 * untouched: its transaction was rolled back with ours.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngineProblems {

    private static final Logger log = LoggerFactory.getLogger(EngineProblems.class);

    @ExceptionHandler(ProcessEngineException.class)
    ResponseEntity<ProblemDetail> translate(ProcessEngineException e, HttpServletRequest request) {
        ProblemDetail body = Problems.of(problemOf(e));
        body.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(body.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static Problem problemOf(ProcessEngineException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof Problem problem) {
                return problem;
            }
        }
        if (e instanceof TaskAlreadyClaimedException) {
            return Problem.conflict("The task was just claimed by someone else");
        }
        if (e instanceof OptimisticLockingException) {
            return Problem.conflict("The process changed at the same moment; load it again and retry");
        }
        if (e instanceof MismatchingMessageCorrelationException) {
            return Problem.conflict(e.getMessage());
        }
        if (e instanceof NotFoundException || e instanceof NullValueException) {
            return new Problem(404, "not-found", "Not found", e.getMessage());
        }
        if (e instanceof NotValidException || e instanceof BadUserRequestException) {
            return new Problem(400, "validation", "Invalid request", e.getMessage());
        }
        log.error("Unexpected failure in the process engine", e);
        return new Problem(
                500,
                "internal",
                "Internal error",
                "Something went wrong on our side; quote the request id when reporting it");
    }
}
