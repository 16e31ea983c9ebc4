package io.salesflow.identity;

import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.request.RequestContext;
import io.salesflow.platform.web.ProblemResponseWriter;
import io.salesflow.platform.web.Problems;
import io.salesflow.ratelimit.RateLimit;
import io.salesflow.ratelimit.RateLimiter;
import io.salesflow.tenancy.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns the credentials of a request into a {@link Caller}: an access token or API key in
 * {@code Authorization: Bearer}, an API key in {@code X-Api-Key}, or, for the Camunda webapps the platform
 * operator's browser opens, the access-token cookie. A request without credentials passes on anonymous; bad
 * credentials end here with a 401 that says what is wrong. A workspace caller's tenant is set for the rest of
 * the request; the platform operator has none.
 */
class CredentialsFilter extends OncePerRequestFilter {

    static final String API_KEY_HEADER = "X-Api-Key";
    static final String TENANT_HEADER = "X-Tenant";
    static final String ENGINE_COOKIE = "sf_engine_session";

    private final AccessTokens accessTokens;
    private final SessionCallers sessionCallers;
    private final ApiKeys apiKeys;
    private final ProblemResponseWriter problems;
    private final PlatformOperators operators;
    private final RateLimiter limiter;

    CredentialsFilter(
            AccessTokens accessTokens,
            SessionCallers sessionCallers,
            ApiKeys apiKeys,
            ProblemResponseWriter problems,
            PlatformOperators operators,
            RateLimiter limiter) {
        this.operators = operators;
        this.limiter = limiter;
        this.accessTokens = accessTokens;
        this.sessionCallers = sessionCallers;
        this.apiKeys = apiKeys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String credential = credential(request);
        if (credential == null) {
            chain.doFilter(request, response);
            return;
        }
        Caller caller;
        try {
            caller = authenticate(credential, request.getRemoteAddr());
            String tenantHeader = request.getHeader(TENANT_HEADER);
            if (tenantHeader != null && caller.isPlatformOperator()) {
                throw new Problem(403, "wrong-tenant", "Wrong tenant", "The platform operator belongs to no workspace");
            }
            if (tenantHeader != null && !tenantHeader.equalsIgnoreCase(caller.tenantSlug())) {
                throw new Problem(
                        403,
                        "wrong-tenant",
                        "Wrong tenant",
                        "The credentials belong to workspace '" + caller.tenantSlug() + "', not '" + tenantHeader
                                + "'");
            }
        } catch (Problem p) {
            SecurityContextHolder.clearContext();
            if (p.status() != 429) {
                response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            }
            problems.write(request, response, Problems.of(p));
            return;
        }
        try {
            SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(caller));
            if (!caller.isPlatformOperator()) {
                TenantContext.set(caller.tenantId());
            }
            RequestContext.setActor(new RequestContext.Actor(
                    switch (caller.kind()) {
                        case USER -> RequestContext.Actor.Type.USER;
                        case API_KEY -> RequestContext.Actor.Type.API_KEY;
                        case PLATFORM_OPERATOR -> RequestContext.Actor.Type.PLATFORM_OPERATOR;
                    },
                    caller.principalId(),
                    caller.name()));
            MDC.put("tenant", caller.isPlatformOperator() ? "platform" : caller.tenantSlug());
            chain.doFilter(request, response);
        } finally {
            TenantContext.clear();
            MDC.remove("tenant");
            SecurityContextHolder.clearContext();
        }
    }

    private Caller authenticate(String credential, String address) {
        if (credential.startsWith("sfk_")) {
            return authenticateApiKey(credential, address);
        }
        AccessTokens.Claims claims = accessTokens.verify(credential);
        if (claims.platform()) {
            return operators
                    .caller(claims.userId(), claims.operator())
                    .orElseThrow(() -> Problem.unauthorized(
                            "invalid-token", "The token's platform operator is no longer configured"));
        }
        return TenantContext.callAs(claims.tenantId(), () -> sessionCallers.caller(claims));
    }

    /**
     * An address whose keys failed too often is refused before its keys are looked at: probing for keys or
     * workspaces costs a database transaction and a security event each, a refusal costs neither.
     */
    private Caller authenticateApiKey(String credential, String address) {
        limiter.exhausted(RateLimit.FAILED_API_KEYS_PER_ADDRESS, address).ifPresent(wait -> {
            throw Problem.tooManyRequests(
                    "too-many-failed-api-keys",
                    "Too many failed API keys",
                    "Too many API keys from your address failed; try again after the time in Retry-After",
                    wait);
        });
        try {
            return apiKeys.authenticate(credential);
        } catch (Problem failed) {
            limiter.record(RateLimit.FAILED_API_KEYS_PER_ADDRESS, address);
            throw failed;
        }
    }

    private static String credential(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        String apiKey = request.getHeader(API_KEY_HEADER);
        if (apiKey != null && !apiKey.isBlank()) {
            return apiKey.trim();
        }
        if (request.getRequestURI().startsWith("/camunda/") && request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (ENGINE_COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }
}
