package io.salesflow.platform.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the web app (the webapp module's {@code static/}) at the root. Vite names every file under
 * {@code /assets/} after a hash of its content, so a browser keeps those for a year without asking again; the
 * rest ({@code index.html}, which names the current assets, and the favicon) is revalidated on every use, so a
 * deployment reaches every open browser at its next navigation. A path of the app's own router answers
 * {@code index.html} ({@link WebAppRoutes}). Text is compressed on the fly by Tomcat ({@code server.compression} in
 * application.yml); the {@link EncodedResourceResolver} serves a {@code .br}/{@code .gz} file lying beside an asset
 * instead, should the build ever write them. Runs before Spring Boot's own handlers, which then leave {@code /**}
 * to these.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebAppResources implements WebMvcConfigurer {

    static final String LOCATION = "classpath:/static/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations(LOCATION + "assets/")
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new EncodedResourceResolver())
                .addResolver(new PathResourceResolver());
        // No resolved-resource cache: whether a path answers index.html depends on the request's Accept header.
        registry.addResourceHandler("/**")
                .addResourceLocations(LOCATION)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(false)
                .addResolver(new EncodedResourceResolver())
                .addResolver(new WebAppRoutes());
    }
}
