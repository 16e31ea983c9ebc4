package io.salesflow.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The record's own field history in its timeline: the fields one change wrote (same transaction time, actor and
 * request) make one {@code change} entry with each field's before and after. The entry's id is the change's first
 * history row; whoever may read the record may read its history.
 */
@Component
class FieldChangeTimeline implements TimelineSource {

    static final String KIND = "change";

    /** A record's changes: its history rows grouped by transaction time, actor and request. */
    private static final String CHANGES =
            """
            SELECT g.at, g.id, g.first_id = g.record_first_id AS first, g.actor_type, g.actor_id,
                   u.display_name AS actor_name, g.request_id, g.changes::text AS changes
            FROM (
                SELECT h.changed_at AS at, min(h.id)::text AS id, min(h.id) AS first_id,
                       min(min(h.id)) OVER () AS record_first_id, h.actor_type, h.actor_id, h.request_id,
                       jsonb_agg(jsonb_build_object('field', h.field, 'before', h.before_value,
                                                    'after', h.after_value) ORDER BY h.field) AS changes
                FROM record_history h
                WHERE h.record_type = ? AND h.record_id = ?
                GROUP BY h.changed_at, h.actor_type, h.actor_id, h.request_id
            ) g
            LEFT JOIN users u ON u.id = g.actor_id
            """;

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    FieldChangeTimeline(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    @Override
    public List<TimelineEntry> entries(TimelineQuery query) {
        TimelineQuery.Condition after = query.keyset("g.at", KIND, "g.id");
        List<Object> params = new ArrayList<>();
        params.add(query.parentType().name());
        params.add(query.parentId());
        params.addAll(after.params());
        params.add(query.limit());
        String sql = CHANGES + " WHERE " + after.sql() + " ORDER BY g.at DESC, g.id COLLATE \"C\" DESC LIMIT ?";
        return jdbc.query(
                sql,
                (rs, n) -> {
                    JsonNode changes = tree(rs.getString("changes"));
                    Map<String, Object> summary = new LinkedHashMap<>();
                    summary.put("action", action(changes, rs.getBoolean("first")));
                    summary.put("actorType", rs.getString("actor_type"));
                    summary.put("actorId", rs.getObject("actor_id"));
                    summary.put("actorName", rs.getString("actor_name"));
                    summary.put("requestId", rs.getString("request_id"));
                    summary.put("changes", changes);
                    return new TimelineEntry(rs.getTimestamp("at").toInstant(), KIND, rs.getString("id"), summary);
                },
                params.toArray());
    }

    /** Deleting and restoring are changes of {@code deletedAt}; the record's first change created it. */
    private static String action(JsonNode changes, boolean first) {
        for (JsonNode change : changes) {
            if (change.get("field").asText().equals("deletedAt")) {
                return change.get("after").isNull() ? "restored" : "deleted";
            }
        }
        return first ? "created" : "changed";
    }

    private JsonNode tree(String json) {
        try {
            return objectMapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
