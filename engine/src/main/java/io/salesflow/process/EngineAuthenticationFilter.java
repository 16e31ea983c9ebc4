package io.salesflow.process;

import io.salesflow.identity.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who calls its REST API: the caller's id, groups and tenant, so the engine's tenant
 * check confines an operator of one workspace to its own deployments, processes and tasks.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;

    EngineAuthenticationFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = Caller.current().orElse(null);
        if (caller == null) {
            // Spring Security already refused anonymous calls; nothing reaches the engine unauthenticated.
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        identityService.setAuthentication(
                caller.principalId().toString(),
                EngineGroups.of(caller.tenantSlug(), caller.roles(), caller.teamIds()),
                List.of(caller.tenantSlug()));
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
