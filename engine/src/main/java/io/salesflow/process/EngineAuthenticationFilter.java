package io.salesflow.process;

import io.salesflow.identity.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who calls its REST API: only the platform operator gets this far (Spring Security refused
 * everyone else), and the engine knows them as a member of {@code camunda-admin}, across all tenants.
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
        if (caller == null || !caller.isPlatformOperator()) {
            // Spring Security already refused everyone else; this is the second lock on the same door.
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        identityService.setAuthentication(caller.principalId().toString(), List.of(Groups.CAMUNDA_ADMIN), null);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
