package io.salesflow.duplicate;

import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import java.util.UUID;

/** Where a page of the review queue ends: the last pair's similarity and id. */
record QueuePosition(double similarity, UUID id) {

    String encode() {
        return similarity + "|" + id;
    }

    static QueuePosition decode(String cursor) {
        String key = CursorPage.decode(cursor);
        if (key == null) {
            return null;
        }
        try {
            int bar = key.indexOf('|');
            return new QueuePosition(
                    Double.parseDouble(key.substring(0, bar)), UUID.fromString(key.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw Problem.invalid("cursor", "is not a cursor this API returned");
        }
    }
}
