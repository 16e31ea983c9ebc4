package io.salesflow.platform.web;

import org.springframework.util.unit.DataSize;

/**
 * A route under {@code /api/} that takes larger bodies than {@code salesflow.api.max-body-size}: a module that
 * accepts uploads declares one as a bean, and {@link BodySizeLimitFilter} applies it to that method and path only.
 */
public record UploadLimit(String method, String path, DataSize maxSize) {

    boolean matches(String requestMethod, String requestPath) {
        return method.equalsIgnoreCase(requestMethod) && path.equals(requestPath);
    }
}
