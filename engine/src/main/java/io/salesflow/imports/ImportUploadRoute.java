package io.salesflow.imports;

import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.LargeBodyRoute;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Lets {@code POST /api/v1/imports} take files up to {@code salesflow.imports.max-size} plus the multipart
 * framing around them; the rest of the API keeps its limit.
 */
@Component
class ImportUploadRoute implements LargeBodyRoute {

    /** Boundaries, part headers and the small form fields (mapping, options) around the file. */
    static final long MULTIPART_OVERHEAD = 256 * 1024;

    private final long maxSize;

    ImportUploadRoute(ImportProperties properties) {
        this.maxSize = properties.maxSize().toBytes();
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/api/v1/imports".equals(request.getRequestURI());
    }

    @Override
    public long maxBodySize() {
        return maxSize + MULTIPART_OVERHEAD;
    }

    @Override
    public Problem tooLarge() {
        String message = "is larger than the limit of " + maxSize + " bytes";
        return new Problem(
                413,
                "payload-too-large",
                "Payload too large",
                "file: " + message,
                List.of(new Problem.FieldError("file", message)));
    }
}
