package io.salesflow.identity;

import io.salesflow.platform.web.ProblemResponseWriter;
import io.salesflow.platform.web.Problems;
import io.salesflow.ratelimit.RateLimiter;
import io.salesflow.tenancy.Tenants;
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

/**
 * One stateless filter chain for everything: the product API needs a caller; the engine's REST API and
 * Cockpit/Tasklist need the {@code process:operate} permission, Camunda Admin the platform admin; the
 * web app's static files, health, metrics and the API description are public.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String OPERATE = "process:operate";
    static final String PLATFORM_ADMIN = "platform:admin";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            AccessTokens accessTokens,
            Sessions sessions,
            CallerFactory callers,
            ApiKeys apiKeys,
            ProblemResponseWriter problems,
            Tenants tenants,
            RateLimiter limiter)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterBefore(
                        new CredentialsFilter(accessTokens, sessions, callers, apiKeys, problems, tenants, limiter),
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
                                request,
                                response,
                                Problems.of(403, "forbidden", "Forbidden", "Your role does not allow this operation"))))
                .authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/auth/**")
                        .permitAll()
                        .requestMatchers(
                                "/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        // The engine API answers under several prefixes; these resources stay with the platform
                        // admin on all of them: identities and authorizations (an operator could otherwise join
                        // camunda-admin, which bypasses the tenant check, or list other tenants' users), raw
                        // deployments (they would skip model validation) and engine-wide maintenance.
                        .requestMatchers(EngineApiRules.ownProfile())
                        .access(EngineApiRules::isOwnProfile)
                        .requestMatchers(EngineApiRules.platformOnly())
                        .hasAuthority(PLATFORM_ADMIN)
                        .requestMatchers("/engine-rest/**")
                        .hasAuthority(OPERATE)
                        // Every Camunda app asks the admin API who is signed in; the rest of Admin is the platform's.
                        .requestMatchers("/camunda/api/admin/auth/**")
                        .hasAuthority(OPERATE)
                        .requestMatchers("/camunda/app/admin/**", "/camunda/api/admin/**")
                        .hasAuthority(PLATFORM_ADMIN)
                        .requestMatchers("/camunda/**")
                        .hasAuthority(OPERATE)
                        .requestMatchers("/api/**", "/actuator/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll());
        return http.build();
    }
}
