package io.salesflow.email;

import io.salesflow.records.TimelineEntry;
import io.salesflow.records.TimelineQuery;
import io.salesflow.records.TimelineSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Emails in the timeline of the record they belong to, at the time they were written (queued or received): whoever
 * may read the record sees them, as {@code GET /api/v1/emails} shows them.
 */
@Component
class EmailTimeline implements TimelineSource {

    static final String KIND = "email";

    private final JdbcTemplate jdbc;

    EmailTimeline(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> entries(TimelineQuery query) {
        String type = query.parentType().name();
        if (!Emails.RECORD_TYPES.contains(type)) {
            return List.of();
        }
        TimelineQuery.Condition after = query.keyset("e.created_at", KIND, "e.id::text");
        List<Object> params = new ArrayList<>(List.of(type, query.parentId()));
        params.addAll(after.params());
        params.add(query.limit());
        return jdbc.query(
                "SELECT e.id, e.created_at, e.direction, e.status, e.subject, e.from_address, e.to_addresses,"
                        + " e.sent_at, e.created_by FROM emails e WHERE e.record_type = ? AND e.record_id = ? AND "
                        + after.sql() + " ORDER BY e.created_at DESC, e.id::text COLLATE \"C\" DESC LIMIT ?",
                (rs, i) -> {
                    Map<String, Object> summary = new LinkedHashMap<>();
                    summary.put("direction", rs.getString("direction"));
                    summary.put("status", rs.getString("status"));
                    summary.put("subject", rs.getString("subject"));
                    summary.put("fromAddress", rs.getString("from_address"));
                    summary.put(
                            "to", List.of((String[]) rs.getArray("to_addresses").getArray()));
                    summary.put(
                            "sentAt",
                            rs.getTimestamp("sent_at") == null
                                    ? null
                                    : rs.getTimestamp("sent_at").toInstant());
                    summary.put("createdBy", rs.getObject("created_by"));
                    return new TimelineEntry(
                            rs.getTimestamp("created_at").toInstant(), KIND, rs.getString("id"), summary);
                },
                params.toArray());
    }
}
