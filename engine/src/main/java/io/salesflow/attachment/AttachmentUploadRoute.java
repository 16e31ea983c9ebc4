package io.salesflow.attachment;

import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.LargeBodyRoute;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Uploads to {@code POST /api/v1/{collection}/{id}/attachments} may be as large as the attachment limit plus
 * the multipart framing around the file; every other API route keeps the general body limit.
 */
@Component
class AttachmentUploadRoute implements LargeBodyRoute {

    /** Boundaries and part headers around the file. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;

    private static final Pattern PATH = Pattern.compile("/api/v1/[^/]+/[^/]+/attachments/?");

    private final long maxSize;

    AttachmentUploadRoute(AttachmentProperties properties) {
        this.maxSize = properties.maxSize().toBytes();
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && PATH.matcher(request.getRequestURI()).matches();
    }

    @Override
    public long maxBodySize() {
        return maxSize + MULTIPART_OVERHEAD;
    }

    @Override
    public Problem tooLarge() {
        return UploadProblems.tooLarge(maxSize);
    }
}
