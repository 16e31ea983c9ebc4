package io.salesflow.process;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CachedBodyRequest;
import io.salesflow.platform.web.ProblemResponseWriter;
import io.salesflow.platform.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Stands in front of every path the engine answers at, for every caller, the platform operator included: refuses a
 * query parameter or a JSON key, at any depth, that names an expression (see {@link ExpressionKeys}), a body it
 * cannot read as strict JSON (so the engine never reads something we did not check), a form body, and what
 * {@link EngineRequestRules} forbids. Problems name the offending parameter or key.
 */
class EngineRequestGuard extends OncePerRequestFilter {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final ProblemResponseWriter problems;

    EngineRequestGuard(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !uri.startsWith("/engine-rest") && !uri.startsWith("/camunda/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest checked;
        try {
            checked = check(request);
        } catch (Problem p) {
            problems.write(request, response, Problems.of(p));
            return;
        }
        if ("POST".equals(request.getMethod())
                && EngineRequestRules.resource(request.getRequestURI())
                        .filter("/condition"::equals)
                        .isPresent()) {
            evaluateCondition(checked, response, chain);
            return;
        }
        chain.doFilter(checked, response);
    }

    /**
     * The engine answers a condition that starts nothing with a 500 (ENGINE-13043, "no subscriptions were found"):
     * that is the caller's mistake, so it becomes a 400.
     */
    private void evaluateCondition(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        if (answer.getStatus() == 500
                && new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8).contains("ENGINE-13043")) {
            answer.resetBuffer();
            problems.write(
                    request,
                    response,
                    Problems.of(Problem.invalid(
                            "tenantId", "no deployed process of this workspace starts on a condition that holds")));
            return;
        }
        answer.copyBodyToResponse();
    }

    private HttpServletRequest check(HttpServletRequest request) throws IOException {
        for (String name : parameterNames(request.getQueryString())) {
            if (ExpressionKeys.namesAnExpression(name)) {
                throw refused(name);
            }
        }
        String contentType =
                request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        Optional<String> resource = EngineRequestRules.resource(request.getRequestURI());
        if (contentType.startsWith("multipart/")) {
            // Binary variable uploads; deployments, the one multipart call that carries models, are refused here.
            resource.flatMap(r -> EngineRequestRules.check(request.getMethod(), r, null))
                    .ifPresent(p -> {
                        throw p;
                    });
            return request;
        }
        byte[] body = request.getInputStream().readAllBytes();
        if (body.length > 0 && contentType.startsWith("application/x-www-form-urlencoded")) {
            throw new Problem(
                    415, "unsupported-media-type", "Unsupported media type", "The engine's API takes JSON bodies");
        }
        JsonNode json = body.length == 0 ? null : parse(body);
        if (json != null) {
            Optional<String> key = ExpressionKeys.find(json);
            if (key.isPresent()) {
                throw refused(key.get());
            }
        }
        resource.flatMap(r -> EngineRequestRules.check(request.getMethod(), r, json))
                .ifPresent(p -> {
                    throw p;
                });
        return new CachedBodyRequest(request, body);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return STRICT.readTree(body);
        } catch (JsonParseException e) {
            throw new Problem(
                    400,
                    "malformed-body",
                    "Malformed request body",
                    "The body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Problem(400, "malformed-body", "Malformed request body", "The body is not valid JSON");
        }
    }

    private static Problem refused(String name) {
        return Problem.invalid(name, "expressions are not accepted by the engine's API");
    }

    private static List<String> parameterNames(String query) {
        if (query == null || query.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(query.split("&"))
                .map(pair -> pair.split("=", 2)[0])
                .map(EngineRequestGuard::decode)
                .toList();
    }

    private static String decode(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("query", "a parameter name is not properly percent-encoded");
        }
    }
}
