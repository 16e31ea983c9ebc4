package io.salesflow.textmessage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Text message rows of the current tenant (row-level security scopes every statement). */
@Repository
class TextMessageRepository {

    private static final String COLUMNS =
            "id, direction, channel, status, message_sid, to_number, from_number, body, content_sid,"
                    + " content_variables::text AS content_variables, record_type, record_id, sent_by, error_code,"
                    + " error_message, created_at, status_changed_at";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    TextMessageRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    TextMessage insert(TextMessage m) {
        return jdbc.queryForObject(
                "INSERT INTO text_messages (id, direction, channel, status, message_sid, to_number, from_number, body,"
                        + " content_sid, content_variables, record_type, record_id, sent_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) RETURNING " + COLUMNS,
                this::map,
                m.id(),
                m.direction(),
                m.channel(),
                m.status(),
                m.messageSid(),
                m.to(),
                m.from(),
                m.body(),
                m.contentSid(),
                m.contentVariables() == null ? null : write(m.contentVariables()),
                m.recordType(),
                m.recordId(),
                m.sentBy());
    }

    /** An inbound message, unless one with its MessageSid is stored already (Twilio delivered it twice). */
    Optional<TextMessage> insertInbound(TextMessage m) {
        return jdbc
                .query(
                        "INSERT INTO text_messages (id, direction, channel, status, message_sid, to_number, from_number,"
                                + " body, record_type, record_id) VALUES (?, 'inbound', ?, 'received', ?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT (tenant_id, message_sid) WHERE message_sid IS NOT NULL DO NOTHING"
                                + " RETURNING " + COLUMNS,
                        this::map,
                        m.id(),
                        m.channel(),
                        m.messageSid(),
                        m.to(),
                        m.from(),
                        m.body(),
                        m.recordType(),
                        m.recordId())
                .stream()
                .findFirst();
    }

    Optional<TextMessage> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM text_messages WHERE id = ?", this::map, id).stream()
                .findFirst();
    }

    Optional<TextMessage> lock(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM text_messages WHERE id = ? FOR UPDATE", this::map, id).stream()
                .findFirst();
    }

    Optional<TextMessage> lockBySid(String sid) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM text_messages WHERE message_sid = ? FOR UPDATE", this::map, sid)
                .stream()
                .findFirst();
    }

    /** A record's messages, newest first, after the given position when there is one. */
    List<TextMessage> ofRecord(String recordType, UUID recordId, Instant afterCreatedAt, UUID afterId, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM text_messages WHERE record_type = ? AND record_id = ?"
                        + " AND (?::timestamptz IS NULL OR (created_at, id) < (?::timestamptz, ?::uuid))"
                        + " ORDER BY created_at DESC, id DESC LIMIT ?",
                this::map,
                recordType,
                recordId,
                timestamp(afterCreatedAt),
                timestamp(afterCreatedAt),
                afterId,
                limit);
    }

    /** Twilio took the message: its sid and status. */
    void accepted(UUID id, String sid, String status) {
        jdbc.update(
                "UPDATE text_messages SET message_sid = ?, status = ?, status_changed_at = now() WHERE id = ?",
                sid,
                status,
                id);
    }

    void status(UUID id, String status, Integer errorCode, String errorMessage) {
        jdbc.update(
                "UPDATE text_messages SET status = ?, error_code = coalesce(?, error_code),"
                        + " error_message = coalesce(?, error_message), status_changed_at = now() WHERE id = ?",
                status,
                errorCode,
                errorMessage == null ? null : clip(errorMessage),
                id);
    }

    void sid(UUID id, String sid) {
        jdbc.update("UPDATE text_messages SET message_sid = ? WHERE id = ? AND message_sid IS NULL", sid, id);
    }

    /** Hands the messages of {@code from} records to record {@code to}; answers how many moved. */
    int move(String recordType, List<UUID> from, UUID to) {
        return jdbc.update(
                "UPDATE text_messages SET record_id = ? WHERE record_type = ? AND record_id = ANY (?)",
                to,
                recordType,
                from.toArray(UUID[]::new));
    }

    static String clip(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    private String write(Map<String, String> variables) {
        try {
            return json.writeValueAsString(variables);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    TextMessage map(ResultSet rs, int row) throws SQLException {
        String variables = rs.getString("content_variables");
        Map<String, String> vars;
        try {
            vars = variables == null ? null : json.readValue(variables, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new TextMessage(
                rs.getObject("id", UUID.class),
                rs.getString("direction"),
                rs.getString("channel"),
                rs.getString("status"),
                rs.getString("message_sid"),
                rs.getString("to_number"),
                rs.getString("from_number"),
                rs.getString("body"),
                rs.getString("content_sid"),
                vars,
                rs.getString("record_type"),
                rs.getObject("record_id", UUID.class),
                rs.getObject("sent_by", UUID.class),
                rs.getObject("error_code", Integer.class),
                rs.getString("error_message"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("status_changed_at").toInstant());
    }
}
