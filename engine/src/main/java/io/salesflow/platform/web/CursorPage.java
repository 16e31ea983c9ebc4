package io.salesflow.platform.web;

import io.salesflow.platform.input.TextFlaws;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * A page of a list and the opaque cursor of the next one ({@code null} on the last page). Cursors encode
 * the sort key of the last item, so pages stay stable while rows are added.
 */
public record CursorPage<T>(List<T> items, String nextCursor) {

    /** Builds a page from {@code limit + 1} fetched rows: the extra one only says whether more exist. */
    public static <T> CursorPage<T> of(List<T> fetched, int limit, Function<T, String> sortKey) {
        if (fetched.size() <= limit) {
            return new CursorPage<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new CursorPage<>(List.copyOf(items), encode(sortKey.apply(items.get(limit - 1))));
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The numeric sort key (an id) inside a cursor, or null for the first page. */
    public static Long decodeLong(String cursor) {
        String key = decode(cursor);
        if (key == null) {
            return null;
        }
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw io.salesflow.platform.problem.Problem.invalid("cursor", "is not a cursor this API returned");
        }
    }

    /** The sort key inside a cursor; a cursor that is not one of ours is a field error. */
    public static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String key;
        try {
            key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw io.salesflow.platform.problem.Problem.invalid("cursor", "is not a cursor this API returned");
        }
        // The key becomes a query parameter: it may hold no more than a text parameter may.
        if (TextFlaws.find(key).isPresent()) {
            throw io.salesflow.platform.problem.Problem.invalid("cursor", "is not a cursor this API returned");
        }
        return key;
    }
}
