package io.salesflow.records;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of a record's timeline: when, what kind ({@code activity}, {@code note}, {@code change}, ...), its
 * id within that kind, and what a reader sees of it.
 */
public record TimelineEntry(Instant at, String kind, String id, Map<String, Object> summary) {

    /**
     * Timeline order: newest first; entries at the same instant by kind, then by id, both descending and compared
     * character by character (as PostgreSQL's {@code COLLATE "C"} does), so every source can page the same way.
     */
    public static final Comparator<TimelineEntry> ORDER = Comparator.comparing(TimelineEntry::at)
            .thenComparing(TimelineEntry::kind)
            .thenComparing(TimelineEntry::id)
            .reversed();

    public TimelineEntry {
        summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    }

    public Position position() {
        return new Position(at, kind, id);
    }

    /** The entry as the API shows it: {@code at}, {@code kind}, {@code id}, then the summary's fields. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", at);
        json.put("kind", kind);
        json.put("id", id);
        summary.forEach((k, v) -> {
            if (!json.containsKey(k)) {
                json.put(k, v);
            }
        });
        return json;
    }

    /** Where an entry stands in timeline order; the cursor of a timeline page is the last entry's position. */
    public record Position(Instant at, String kind, String id) {}
}
