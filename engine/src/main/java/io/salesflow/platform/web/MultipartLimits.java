package io.salesflow.platform.web;

import jakarta.servlet.MultipartConfigElement;
import java.util.List;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat parses multipart bodies itself, past the stream {@link BodySizeLimitFilter} counts, so its own limits
 * must let through what a {@link LargeBodyRoute} accepts: they grow to the largest route's limit (Spring's
 * {@code spring.servlet.multipart.*} settings stay the lower bound). Each route's own limit is then held by the
 * filter for a declared {@code Content-Length} and by the module for the parsed file.
 */
@Configuration(proxyBeanMethods = false)
class MultipartLimits {

    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties multipart, List<LargeBodyRoute> routes) {
        MultipartConfigElement spring = multipart.createMultipartConfig();
        long largest =
                routes.stream().mapToLong(LargeBodyRoute::maxBodySize).max().orElse(0);
        return new MultipartConfigElement(
                spring.getLocation(),
                atLeast(spring.getMaxFileSize(), largest),
                atLeast(spring.getMaxRequestSize(), largest),
                spring.getFileSizeThreshold());
    }

    /** A negative Spring limit means none. */
    private static long atLeast(long limit, long floor) {
        return limit < 0 ? limit : Math.max(limit, floor);
    }
}
