package io.salesflow.platform.web;

import io.salesflow.platform.request.RequestContext;
import io.salesflow.tenancy.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POST: the first request with a key runs and its response is kept; a repeat
 * with the same body (for multipart bodies: the same parts) gets that response again
 * ({@code Idempotent-Replayed: true}), with another body a 422, and while the first still runs a 409. Keys
 * belong to a tenant and a caller. Responses of 5xx are not kept, so a retry after a server failure runs
 * again. Runs after Spring Security, which set both.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final String NOT_KEPT = "x-salesflow-not-kept";
    private static final List<String> REPLAYED_HEADERS =
            List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION, HttpHeaders.ETAG);

    private final IdempotencyStore store;
    private final ProblemResponseWriter problems;

    IdempotencyFilter(IdempotencyStore store, ProblemResponseWriter problems) {
        this.store = store;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<UUID> tenant = TenantContext.current();
        RequestContext.Actor actor = RequestContext.actor();
        if (tenant.isEmpty() || actor.type() == RequestContext.Actor.Type.SYSTEM) {
            // Unauthenticated calls (login) have no caller to scope a key to: they run as usual.
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > 255) {
            problems.write(
                    request,
                    response,
                    Problems.validation(
                            "Idempotency-Key: must have 1 to 255 characters",
                            List.of(new io.salesflow.platform.problem.Problem.FieldError(
                                    HEADER, "must have 1 to 255 characters"))));
            return;
        }
        boolean multipart = isMultipart(request);
        byte[] body = multipart ? null : request.getInputStream().readAllBytes();
        String hash;
        try {
            hash = hash(request, multipart ? digest -> digestParts(request, digest) : digest -> digest.update(body));
        } catch (IllegalStateException | IOException | ServletException unreadableParts) {
            // A multipart body over the limits or malformed fails the same way in the controller, and is not kept.
            chain.doFilter(request, response);
            return;
        }
        String caller = actor.type() + ":" + actor.id();
        Optional<IdempotencyStore.Existing> existing =
                store.claim(tenant.get(), caller, key, request.getMethod(), request.getRequestURI(), hash);
        if (existing.isPresent()) {
            answerRepeat(request, response, existing.get(), hash);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(multipart ? request : new CachedBodyRequest(request, body), recorded);
            if (recorded.getStatus() < 500) {
                if (SecretResponses.isMarked(request)) {
                    // A response that must not be stored (a new API key's secret, tokens) is not kept: a
                    // repeat learns that the request ran, not what it answered.
                    store.complete(caller, key, recorded.getStatus(), Map.of(NOT_KEPT, "true"), null);
                } else {
                    store.complete(
                            caller, key, recorded.getStatus(), headers(recorded), recorded.getContentAsByteArray());
                }
                kept = true;
            }
        } finally {
            if (!kept) {
                store.release(caller, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private void answerRepeat(
            HttpServletRequest request, HttpServletResponse response, IdempotencyStore.Existing existing, String hash)
            throws IOException {
        if (!existing.requestHash().equals(hash)) {
            problems.write(
                    request,
                    response,
                    Problems.of(
                            422,
                            "idempotency-key-reused",
                            "Idempotency key reused",
                            "This Idempotency-Key was used for a different request; use a new key for a new request"));
            return;
        }
        if (!existing.completed()) {
            problems.write(
                    request,
                    response,
                    Problems.of(
                            409,
                            "idempotency-key-in-progress",
                            "Request in progress",
                            "A request with this Idempotency-Key is still being processed; retry shortly"));
            return;
        }
        if (existing.headers().containsKey(NOT_KEPT)) {
            problems.write(
                    request,
                    response,
                    Problems.of(
                            409,
                            "idempotency-response-not-kept",
                            "Response not kept",
                            "A request with this Idempotency-Key already ran (status " + existing.status()
                                    + "); its response held secrets and was not kept. Look the result up instead."));
            return;
        }
        response.setStatus(existing.status());
        existing.headers().forEach(response::setHeader);
        response.setHeader("Idempotent-Replayed", "true");
        if (existing.body() != null) {
            response.getOutputStream().write(existing.body());
        }
    }

    private static Map<String, String> headers(HttpServletResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : REPLAYED_HEADERS) {
            String value = name.equals(HttpHeaders.CONTENT_TYPE) ? response.getContentType() : response.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    private static String hash(HttpServletRequest request, BodyDigest body) throws IOException, ServletException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String query = request.getQueryString();
            digest.update(
                    (request.getMethod() + " " + request.getRequestURI() + "?" + (query == null ? "" : query) + "\n")
                            .getBytes(StandardCharsets.UTF_8));
            body.update(digest);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /**
     * A multipart body is told apart by its parts, not its bytes: clients choose a new boundary for every
     * request, retries included. The server parses the parts once; the controller gets them as they are.
     */
    private static void digestParts(HttpServletRequest request, MessageDigest digest)
            throws IOException, ServletException {
        byte[] buffer = new byte[64 * 1024];
        for (Part part : request.getParts()) {
            digest.update((part.getName() + "\n" + part.getSubmittedFileName() + "\n" + part.getContentType() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            try (InputStream in = part.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                }
            }
            digest.update((byte) 0);
        }
    }

    @FunctionalInterface
    private interface BodyDigest {
        void update(MessageDigest digest) throws IOException, ServletException;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** After Spring Security (-100), which authenticated the caller and set the tenant. */
        @Bean
        FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
                IdempotencyStore store, ProblemResponseWriter problems) {
            FilterRegistrationBean<IdempotencyFilter> registration =
                    new FilterRegistrationBean<>(new IdempotencyFilter(store, problems));
            registration.addUrlPatterns("/api/*");
            registration.setOrder(0);
            return registration;
        }
    }
}
