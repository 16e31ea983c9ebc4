package io.salesflow.identity.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The platform operator's sign-in page ({@code static/platform/}) answers at {@code /platform/}. */
@Configuration(proxyBeanMethods = false)
class PlatformSignInPage implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/platform", "/platform/");
        registry.addViewController("/platform/").setViewName("forward:/platform/index.html");
    }
}
