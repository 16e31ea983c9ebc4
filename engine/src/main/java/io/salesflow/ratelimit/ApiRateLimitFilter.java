package io.salesflow.ratelimit;

import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.request.RequestContext;
import io.salesflow.platform.web.ProblemResponseWriter;
import io.salesflow.platform.web.Problems;
import io.salesflow.tenancy.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the API requests of each caller (user or API key) and of each workspace: a request over either limit
 * is answered 429 before any work is done. Requests without credentials are not counted here: they end at the
 * login, which has a limit per address, or at a 401.
 */
class ApiRateLimitFilter extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final ProblemResponseWriter problems;

    ApiRateLimitFilter(RateLimiter limiter, ProblemResponseWriter problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestContext.Actor actor = RequestContext.actor();
        Optional<UUID> tenant = TenantContext.current();
        if (actor.id() == null || tenant.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String caller = actor.id().toString();
        Optional<Duration> wait = limiter.tryAcquire(RateLimit.PER_CALLER, caller);
        if (wait.isPresent()) {
            refuse(request, response, RateLimit.PER_CALLER, "caller", "your credentials", wait.get());
            return;
        }
        wait = limiter.tryAcquire(RateLimit.PER_TENANT, tenant.get().toString());
        if (wait.isPresent()) {
            limiter.release(RateLimit.PER_CALLER, caller);
            refuse(request, response, RateLimit.PER_TENANT, "workspace", "your workspace", wait.get());
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(
            HttpServletRequest request,
            HttpServletResponse response,
            RateLimit limit,
            String scope,
            String whose,
            Duration wait)
            throws IOException {
        RateLimitProperties.Limit settings = limiter.limit(limit);
        Problem problem = Problem.tooManyRequests(
                        "rate-limited",
                        "Too many requests",
                        "The requests of " + whose + " reached the limit of " + settings.requests() + " per "
                                + settings.window().toString().substring(2).toLowerCase(java.util.Locale.ROOT)
                                + "; try again after the time in Retry-After",
                        wait)
                .with("limit", scope);
        problems.write(request, response, Problems.of(problem));
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        /** After Spring Security (-100), which authenticated the caller and set the tenant; before idempotency (0). */
        @Bean
        FilterRegistrationBean<ApiRateLimitFilter> apiRateLimitFilter(
                RateLimiter limiter, ProblemResponseWriter problems) {
            FilterRegistrationBean<ApiRateLimitFilter> registration =
                    new FilterRegistrationBean<>(new ApiRateLimitFilter(limiter, problems));
            registration.addUrlPatterns("/api/*");
            registration.setOrder(-10);
            return registration;
        }
    }
}
