package io.salesflow.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies Spring Security's firewall before anything else reads the path. Spring Security checks it only after its
 * own path parsing, which fails with a 500 on a path such as {@code //engine-rest/engine} (the servlet container
 * maps it to the engine's servlet, whose path then does not start the request URI). Refused paths get the same
 * 400 problem naming {@code path} as those Spring Security refuses.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class EarlyFirewallFilter extends OncePerRequestFilter {

    private final StrictHttpFirewall firewall = new StrictHttpFirewall();
    private final RejectedRequestProblems rejected;

    EarlyFirewallFilter(RejectedRequestProblems rejected) {
        this.rejected = rejected;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException e) {
            rejected.handle(request, response, e);
            return;
        }
        chain.doFilter(request, response);
    }
}
