package io.salesflow.process;

import io.salesflow.platform.web.ProblemResponseWriter;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the engine's REST API and webapps behind our login. The filters run after Spring Security (order
 * above its -100), which has already required the platform operator and set the caller; the guard first.
 */
@Configuration(proxyBeanMethods = false)
class EngineWebConfiguration {

    @Bean
    FilterRegistrationBean<EngineRequestGuard> engineRequestGuard(ProblemResponseWriter problems) {
        FilterRegistrationBean<EngineRequestGuard> registration =
                new FilterRegistrationBean<>(new EngineRequestGuard(problems));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/*");
        registration.setOrder(5);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineAuthenticationFilter> engineRestAuthentication(IdentityService identityService) {
        FilterRegistrationBean<EngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new EngineAuthenticationFilter(identityService));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(10);
        return registration;
    }

    /** Cockpit and Tasklist take the user from the request principal Spring Security provides. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(10);
        return registration;
    }
}
