package io.salesflow.textmessage;

import io.salesflow.records.TimelineEntry;
import io.salesflow.records.TimelineQuery;
import io.salesflow.records.TimelineSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Text messages sent to and received from a lead or contact, in its timeline; whoever may read it sees them. */
@Component
class TextMessageTimeline implements TimelineSource {

    static final String KIND = "text_message";

    private final JdbcTemplate jdbc;

    TextMessageTimeline(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<TimelineEntry> entries(TimelineQuery query) {
        String type = query.parentType().name();
        if (!type.equals("lead") && !type.equals("contact")) {
            return List.of();
        }
        TimelineQuery.Condition after = query.keyset("created_at", KIND, "id::text");
        List<Object> params = new ArrayList<>(List.of(type, query.parentId()));
        params.addAll(after.params());
        params.add(query.limit());
        return jdbc.query(
                "SELECT id, created_at, direction, channel, status, body, content_sid, to_number, from_number,"
                        + " error_code, error_message FROM text_messages WHERE record_type = ? AND record_id = ? AND "
                        + after.sql() + " ORDER BY created_at DESC, id::text COLLATE \"C\" DESC LIMIT ?",
                (rs, n) -> {
                    Map<String, Object> summary = new LinkedHashMap<>();
                    summary.put("direction", rs.getString("direction"));
                    summary.put("channel", rs.getString("channel"));
                    summary.put("status", rs.getString("status"));
                    String body = rs.getString("body");
                    summary.put("body", body != null && body.length() > 300 ? body.substring(0, 300) + "…" : body);
                    if (rs.getString("content_sid") != null) {
                        summary.put("contentSid", rs.getString("content_sid"));
                    }
                    summary.put("to", rs.getString("to_number"));
                    summary.put("from", rs.getString("from_number"));
                    Integer code = rs.getObject("error_code", Integer.class);
                    if (code != null || rs.getString("error_message") != null) {
                        summary.put("errorCode", code);
                        summary.put("errorMessage", rs.getString("error_message"));
                    }
                    return new TimelineEntry(
                            rs.getTimestamp("created_at").toInstant(), KIND, rs.getString("id"), summary);
                },
                params.toArray());
    }
}
