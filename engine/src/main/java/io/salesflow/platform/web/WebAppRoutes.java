package io.salesflow.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.lang.Nullable;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Resolves a static file, or, for a path of the web app's own router ({@code /leads/123},
 * {@code /modeler/lead-nurture}), the app's {@code index.html}, so a deep link or a reload opens the app there.
 * Only a browser navigation gets the page: the request must ask for HTML by name, and the path must be none of the
 * server's own (the API and its description, the engine, the platform pages, the operations endpoints) and name no
 * file (a missing {@code /assets/x.js} stays a 404; a page in its place would run as a broken script).
 */
class WebAppRoutes extends PathResourceResolver {

    static final String INDEX = "index.html";

    private static final List<String> SERVER_PATHS =
            List.of("api/", "v3/api-docs", "swagger-ui", "engine-rest", "camunda", "platform", "actuator", "error");

    @Override
    protected Resource resolveResourceInternal(
            @Nullable HttpServletRequest request,
            String requestPath,
            List<? extends Resource> locations,
            ResourceResolverChain chain) {
        Resource file = super.resolveResourceInternal(request, requestPath, locations, chain);
        if (file != null || request == null || !isAppRoute(requestPath) || !asksForHtml(request)) {
            return file;
        }
        return super.resolveResourceInternal(request, INDEX, locations, chain);
    }

    static boolean isAppRoute(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        for (String server : SERVER_PATHS) {
            if (relative.equals(server) || relative.startsWith(server.endsWith("/") ? server : server + "/")) {
                return false;
            }
        }
        String lastSegment = relative.substring(relative.lastIndexOf('/') + 1);
        return !lastSegment.contains(".");
    }

    /** Named, not through a wildcard: a script or API client sending {@code *}{@code /*} gets the 404. */
    private static boolean asksForHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> MediaType.TEXT_HTML.equalsTypeAndSubtype(type) && type.getQualityValue() > 0);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
