package io.salesflow.platform.web;

import io.salesflow.platform.input.TextFlaws;
import io.salesflow.platform.problem.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks what every API request carries besides its body, before anything reads it: a {@code Content-Type}
 * must name one media type (not {@code application/*}) in a charset Java knows, UTF-8 for JSON (415 otherwise);
 * each query parameter must be valid percent-encoded UTF-8 without NUL (400 naming the parameter). Tomcat would
 * replace invalid bytes with U+FFFD, and Spring fails on a wildcard type with an exception of its own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestInputFilter extends OncePerRequestFilter {

    private final ProblemResponseWriter writer;

    RequestInputFilter(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Problem> refused = contentType(request.getContentType()).or(() -> query(request.getQueryString()));
        if (refused.isPresent()) {
            writer.write(request, response, Problems.of(refused.get()));
            return;
        }
        chain.doFilter(request, response);
    }

    static Optional<Problem> contentType(String header) {
        if (header == null) {
            return Optional.empty();
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException e) {
            return unsupported("is not a media type: " + e.getMessage());
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return unsupported("must name one media type such as application/json, not the pattern " + type);
        }
        Charset charset;
        try {
            charset = type.getCharset();
        } catch (IllegalArgumentException e) {
            return unsupported("names a charset Salesflow does not know: " + type.getParameter("charset"));
        }
        boolean json = MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || (type.getType().equals("application") && type.getSubtype().endsWith("+json"));
        if (json && charset != null && !charset.equals(StandardCharsets.UTF_8)) {
            return unsupported("JSON is read as UTF-8 only, not " + charset.name());
        }
        return Optional.empty();
    }

    /** Decodes the raw query string strictly; the parameters Tomcat decodes leniently are then what it said. */
    static Optional<Problem> query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
            Decoded name = decode(rawName);
            if (name.flaw != null) {
                return Optional.of(Problem.invalid("query", "has a parameter name that " + name.flaw));
            }
            Decoded value = decode(rawValue);
            if (value.flaw != null) {
                return Optional.of(Problem.invalid(name.text, value.flaw));
            }
        }
        return Optional.empty();
    }

    private record Decoded(String text, String flaw) {}

    private static Decoded decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || !isHex(raw.charAt(i + 1)) || !isHex(raw.charAt(i + 2))) {
                    return new Decoded(raw, "is not percent-encoded correctly: '%' must be followed by two hex digits");
                }
                bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return new Decoded(raw, "is not valid UTF-8 (an encoded surrogate or a broken byte sequence)");
        }
        return new Decoded(text, TextFlaws.find(text).orElse(null));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static Optional<Problem> unsupported(String message) {
        return Optional.of(new Problem(
                415,
                "unsupported-media-type",
                "Unsupported media type",
                "Content-Type: " + message,
                List.of(new Problem.FieldError("Content-Type", message))));
    }
}
