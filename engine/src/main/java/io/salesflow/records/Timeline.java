package io.salesflow.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.identity.Caller;
import io.salesflow.platform.input.TimeRange;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A record's timeline: the entries of every {@link TimelineSource}, merged newest first. Each page asks every
 * source for one entry more than it shows, after the cursor; the cursor is the last entry's position (time,
 * kind, id), so a page never repeats or skips an entry however the sources interleave.
 */
@Component
public class Timeline {

    private final RecordQueries queries;
    private final List<TimelineSource> sources;
    private final ObjectMapper objectMapper;

    Timeline(RecordQueries queries, List<TimelineSource> sources, ObjectMapper objectMapper) {
        this.queries = queries;
        this.sources = List.copyOf(sources);
        this.objectMapper = objectMapper;
    }

    /** The timeline of a record the caller may see (deleted ones too, like its history); 404 otherwise. */
    @Transactional(readOnly = true)
    public CursorPage<Map<String, Object>> of(RecordType type, UUID id, String cursor, int limit) {
        Caller caller = Caller.require();
        if (!queries.isVisible(type, id, caller)) {
            throw Problem.notFound(
                    Character.toUpperCase(type.name().charAt(0)) + type.name().substring(1), id);
        }
        TimelineQuery query = new TimelineQuery(type, id, caller, decode(cursor), limit + 1);
        List<TimelineEntry> merged = sources.stream()
                .flatMap(s -> s.entries(query).stream())
                .sorted(TimelineEntry.ORDER)
                .limit(limit + 1L)
                .toList();
        CursorPage<TimelineEntry> page = CursorPage.of(merged, limit, e -> encode(e.position()));
        return new CursorPage<>(page.items().stream().map(TimelineEntry::toJson).toList(), page.nextCursor());
    }

    private String encode(TimelineEntry.Position position) {
        try {
            return objectMapper.writeValueAsString(List.of(position.at().toString(), position.kind(), position.id()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TimelineEntry.Position decode(String cursor) {
        String json = CursorPage.decode(cursor);
        if (json == null) {
            return null;
        }
        try {
            List<String> parts = objectMapper.readValue(json, new TypeReference<List<String>>() {});
            if (parts != null && parts.size() == 3 && !parts.contains(null)) {
                return new TimelineEntry.Position(
                        TimeRange.check("cursor", Instant.parse(parts.get(0))), parts.get(1), parts.get(2));
            }
        } catch (JsonProcessingException | DateTimeParseException e) {
            // reported below
        }
        throw Problem.invalid("cursor", "is not a cursor of this timeline");
    }
}
