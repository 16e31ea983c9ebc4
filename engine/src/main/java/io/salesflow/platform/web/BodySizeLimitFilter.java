package io.salesflow.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code salesflow.api.max-body-size} (the engine's API and webapps:
 * {@code max-engine-body-size}; upload routes: their {@link UploadLimit}) with 413: at once when the
 * {@code Content-Length} says so, and while reading when a chunked body grows past the limit. Multipart bodies
 * are parsed by the servlet container past this filter's stream, so under {@code /api/} they must declare their
 * length (411 otherwise) and are held to it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long apiLimit;
    private final long engineLimit;
    private final List<UploadLimit> uploads;
    private final ProblemResponseWriter writer;

    BodySizeLimitFilter(ApiProperties properties, List<UploadLimit> uploads, ProblemResponseWriter writer) {
        this.apiLimit = properties.maxBodySize().toBytes();
        this.engineLimit = properties.maxEngineBodySize().toBytes();
        this.uploads = List.copyOf(uploads);
        this.writer = writer;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !uri.startsWith("/api/") && !uri.startsWith("/engine-rest/") && !uri.startsWith("/camunda/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean api = request.getRequestURI().startsWith("/api/");
        long limit = api ? apiLimit(request) : engineLimit;
        if (request.getContentLengthLong() > limit) {
            writer.write(request, response, tooLarge(limit));
            return;
        }
        if (api && isMultipart(request) && request.getContentLengthLong() < 0) {
            writer.write(
                    request,
                    response,
                    Problems.of(411, "length-required", "Length required", "An upload must send its Content-Length"));
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, limit), response);
        } catch (BodyTooLarge e) {
            if (!response.isCommitted()) {
                response.reset();
                writer.write(request, response, tooLarge(limit));
            }
        }
    }

    private long apiLimit(HttpServletRequest request) {
        return uploads.stream()
                .filter(u -> u.matches(request.getMethod(), request.getRequestURI()))
                .mapToLong(u -> u.maxSize().toBytes())
                .findFirst()
                .orElse(apiLimit);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    static org.springframework.http.ProblemDetail tooLarge(long limit) {
        return Problems.of(
                413,
                "payload-too-large",
                "Payload too large",
                "The request body exceeds the limit of " + limit + " bytes");
    }

    static final class BodyTooLarge extends IOException {
        final long limit;

        BodyTooLarge(long limit) {
            super("Request body exceeds the limit of " + limit + " bytes");
            this.limit = limit;
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
