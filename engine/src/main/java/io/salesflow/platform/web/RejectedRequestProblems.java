package io.salesflow.platform.web;

import io.salesflow.platform.problem.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Answers a request Spring Security's firewall refuses (an empty path segment, an encoded dot or slash, a
 * path parameter) with a 400 problem naming the path, instead of the servlet container's error page. Spring
 * Security uses a {@link RequestRejectedHandler} bean when one exists.
 */
@Component
class RejectedRequestProblems implements RequestRejectedHandler {

    private final ProblemResponseWriter writer;

    RejectedRequestProblems(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        String message = "is not a path Salesflow accepts: " + e.getMessage();
        writer.write(
                request,
                response,
                Problems.validation(
                        "The request path was refused: " + e.getMessage(),
                        List.of(new Problem.FieldError("path", message))));
    }
}
