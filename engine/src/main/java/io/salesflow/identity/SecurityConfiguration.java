package io.salesflow.identity;

import io.salesflow.platform.web.ProblemResponseWriter;
import io.salesflow.platform.web.Problems;
import io.salesflow.ratelimit.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One stateless filter chain for everything. The product API ({@code /api/**}) answers callers of a workspace;
 * the engine's own REST API and webapps ({@code /engine-rest/**}, {@code /camunda/**}) and every actuator
 * endpoint beyond health answer only the installation's platform operator, who belongs to no workspace (see
 * docs/architecture.md, "The engine surface"). The web app's static files and the API description are public.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    /** Every path the embedded engine answers at: its REST API and its webapps with their own APIs. */
    static final String[] ENGINE_PATHS = {"/engine-rest/**", "/camunda/**"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            AccessTokens accessTokens,
            SessionCallers sessionCallers,
            ApiKeys apiKeys,
            ProblemResponseWriter problems,
            PlatformOperators operators,
            RateLimiter limiter,
            @Value("${management.server.port:-1}") int managementPort)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        // Each request is authenticated from its token. Only Camunda's webapps keep a session (their
                        // CSRF token and who is signed in, taken from our token on every call); changing its id at
                        // every authentication left Cockpit with a new, empty session on each request.
                        .sessionFixation(f -> f.none()))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .headers(SecurityHeaders::configure)
                .addFilterBefore(
                        new CredentialsFilter(accessTokens, sessionCallers, apiKeys, problems, operators, limiter),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(
                                    request,
                                    response,
                                    Problems.of(
                                            401,
                                            "unauthenticated",
                                            "Unauthorized",
                                            "Sign in first: send 'Authorization: Bearer <access token or API key>'"));
                        })
                        .accessDeniedHandler((request, response, ex) -> problems.write(
                                request, response, Problems.of(403, "forbidden", "Forbidden", why(request)))))
                .authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/auth/sessions/**")
                        .hasAuthority(CallerAuthentication.WORKSPACE_MEMBER)
                        .requestMatchers("/api/v1/auth/**")
                        .permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health")
                        .permitAll()
                        .requestMatchers(onManagementPort(managementPort))
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasAuthority(PlatformOperators.OPERATE)
                        .requestMatchers(ENGINE_PATHS)
                        .hasAuthority(PlatformOperators.OPERATE)
                        .requestMatchers("/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        // Contract signing: the sealed token in the path is the signer's credential
                        // (contract.web.PublicSigningController, which also rate-limits it).
                        .requestMatchers("/api/public/signing/**")
                        .permitAll()
                        .requestMatchers("/api/**")
                        .hasAuthority(CallerAuthentication.WORKSPACE_MEMBER)
                        // Inbound webhooks: the vendor's signature is the credential (hooks.InboundReceiver, which
                        // also rate-limits them).
                        .requestMatchers("/hooks/**")
                        .permitAll()
                        .anyRequest()
                        .permitAll());
        return http.build();
    }

    /**
     * A separate management port (off by default) is bound to localhost unless the operator opens it to a
     * scraper (docs/operations.md): whoever reaches it may read the operations endpoints without signing in.
     */
    private static RequestMatcher onManagementPort(int managementPort) {
        return request -> managementPort > 0
                && request.getLocalPort() == managementPort
                && request.getRequestURI().startsWith("/actuator/");
    }

    private static String why(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (uri.startsWith("/engine-rest/") || uri.startsWith("/camunda/") || uri.startsWith("/actuator/")) {
            return "Only the installation's platform operator reaches the engine's API, Cockpit and the operations "
                    + "endpoints; work with processes through Salesflow's /api/v1";
        }
        if (uri.startsWith("/api/")
                && Caller.current().map(Caller::isPlatformOperator).orElse(false)) {
            return "The platform operator belongs to no workspace; sign in to a workspace to use the product API";
        }
        return "Your role does not allow this operation";
    }
}
