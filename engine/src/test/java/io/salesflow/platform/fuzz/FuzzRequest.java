package io.salesflow.platform.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request the fuzz test sends: what it mutated ({@code mutation}, for the report), and the request itself,
 * with the path already percent-encoded as it goes on the wire.
 */
record FuzzRequest(
        ApiOperation operation,
        String mutation,
        String path,
        Map<String, String> headers,
        byte[] body,
        String contentType) {

    static FuzzRequest json(
            ApiOperation operation, String mutation, String path, Map<String, String> headers, String body) {
        return new FuzzRequest(
                operation,
                mutation,
                path,
                headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                body == null ? null : "application/json");
    }

    /** This request with headers its client always sends; the request's own (a mutated one) win. */
    FuzzRequest withBaseHeaders(Map<String, String> base) {
        if (base.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new LinkedHashMap<>(base);
        merged.putAll(headers);
        return new FuzzRequest(operation, mutation, path, merged, body, contentType);
    }

    String describe() {
        return operation.label() + " [" + mutation + "] " + shorten(path);
    }

    private static String shorten(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }
}
