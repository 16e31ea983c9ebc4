package io.salesflow.sequence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Enrolments and the sends of their steps, in SQL. */
@Component
class EnrolmentStore {

    static final UUID DEFAULT_MAILBOX = new UUID(0, 0);

    private final JdbcTemplate jdbc;

    EnrolmentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts an active enrolment unless the record is in this sequence already, or (exclusive) in another exclusive
     * sequence of the mailbox: the unique indexes decide, so two enrolments at once cannot both get in.
     */
    boolean insert(UUID id, Sequence sequence, String recordType, UUID recordId, String source, UUID by) {
        return jdbc.update(
                        """
                        INSERT INTO sequence_enrolments (id, sequence_id, record_type, record_id, mailbox_key, exclusive,
                            source, enrolled_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                        """,
                        id,
                        sequence.id(),
                        recordType,
                        recordId,
                        sequence.mailboxId() == null ? DEFAULT_MAILBOX : sequence.mailboxId(),
                        !sequence.allowConcurrent(),
                        source,
                        by)
                == 1;
    }

    /** Whether the record is active in this very sequence (else it was another sequence's mailbox that refused). */
    boolean activeIn(UUID sequenceId, String recordType, UUID recordId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM sequence_enrolments WHERE record_type = ? AND record_id = ?"
                        + " AND status = 'active' AND sequence_id = ?)",
                Boolean.class,
                recordType,
                recordId,
                sequenceId));
    }

    void processStarted(UUID id, String processInstanceId) {
        jdbc.update("UPDATE sequence_enrolments SET process_instance_id = ? WHERE id = ?", processInstanceId, id);
    }

    /** An enrolment with its recipient's time zone: one indexed lookup of the lead or contact per row. */
    private static final String SELECT = "SELECT e.*, coalesce(l.time_zone, c.time_zone) AS recipient_time_zone"
            + " FROM sequence_enrolments e"
            + " LEFT JOIN leads l ON e.record_type = 'lead' AND l.id = e.record_id"
            + " LEFT JOIN contacts c ON e.record_type = 'contact' AND c.id = e.record_id";

    Optional<Enrolment> find(UUID id) {
        return jdbc.query(SELECT + " WHERE e.id = ?", EnrolmentStore::enrolment, id).stream()
                .findFirst();
    }

    /** A page of a sequence's enrolments, newest first, after (enrolledAt, id): at most {@code limit} + 1. */
    List<Enrolment> page(UUID sequenceId, Instant afterAt, UUID afterId, int limit) {
        return afterAt == null
                ? jdbc.query(
                        SELECT + " WHERE e.sequence_id = ? ORDER BY e.enrolled_at DESC, e.id DESC LIMIT ?",
                        EnrolmentStore::enrolment,
                        sequenceId,
                        limit + 1)
                : jdbc.query(
                        SELECT + " WHERE e.sequence_id = ? AND (e.enrolled_at, e.id) < (?, ?)"
                                + " ORDER BY e.enrolled_at DESC, e.id DESC LIMIT ?",
                        EnrolmentStore::enrolment,
                        sequenceId,
                        java.sql.Timestamp.from(afterAt),
                        afterId,
                        limit + 1);
    }

    /** A record's active enrolments, at most a few by the unique index; with their sequences' stop rules. */
    List<Enrolment> activeOf(String recordType, UUID recordId) {
        return jdbc.query(
                SELECT + " WHERE e.record_type = ? AND e.record_id = ? AND e.status = 'active'"
                        + " ORDER BY e.enrolled_at LIMIT 100",
                EnrolmentStore::enrolment,
                recordType,
                recordId);
    }

    /** Keeps the first answer an active enrolment gets; later ones change nothing. */
    void noteAnswer(UUID id, String answer) {
        jdbc.update(
                "UPDATE sequence_enrolments SET answer = coalesce(answer, ?) WHERE id = ? AND status = 'active'",
                answer,
                id);
    }

    Optional<String> answer(UUID id) {
        return jdbc.queryForList("SELECT answer FROM sequence_enrolments WHERE id = ?", String.class, id).stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    void sendAt(UUID id, Instant at) {
        jdbc.update("UPDATE sequence_enrolments SET send_at = ? WHERE id = ?", java.sql.Timestamp.from(at), id);
    }

    void step(UUID id, int position) {
        jdbc.update("UPDATE sequence_enrolments SET current_step = ? WHERE id = ?", position, id);
    }

    /** Ends an active enrolment; false when it had ended already. */
    boolean end(UUID id, String status, String reason) {
        return jdbc.update(
                        "UPDATE sequence_enrolments SET status = ?, stop_reason = ?, ended_at = now() WHERE id = ?"
                                + " AND status = 'active'",
                        status,
                        reason,
                        id)
                == 1;
    }

    void insertSend(
            Enrolment enrolment,
            int position,
            String variant,
            String channel,
            String status,
            UUID emailId,
            UUID textId) {
        jdbc.update(
                """
                INSERT INTO sequence_sends (id, sequence_id, enrolment_id, position, variant, channel, status, email_id,
                    text_message_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, enrolment_id, position) DO NOTHING
                """,
                UUID.randomUUID(),
                enrolment.sequenceId(),
                enrolment.id(),
                position,
                variant,
                channel,
                status,
                emailId,
                textId);
    }

    /** Marks what an answer did on the enrolment's last send ({@code replied_at}, {@code bounced_at}, …). */
    void markLastSend(UUID enrolmentId, String column) {
        jdbc.update(
                "UPDATE sequence_sends SET " + column + " = coalesce(" + column + ", now()) WHERE id = (SELECT id FROM"
                        + " sequence_sends WHERE enrolment_id = ? ORDER BY position DESC LIMIT 1)",
                enrolmentId);
    }

    /** Marks what happened to one sent email ({@code opened_at}, {@code clicked_at}, …); no row: not a sequence's. */
    void markEmail(UUID emailId, String column) {
        jdbc.update(
                "UPDATE sequence_sends SET " + column + " = coalesce(" + column + ", now()) WHERE email_id = ?",
                emailId);
    }

    /** The lead's or contact's fields a sequence needs, read without a caller; empty when it is gone. */
    Optional<Map<String, Object>> recordFacts(String recordType, UUID recordId) {
        String sql = "lead".equals(recordType)
                ? "SELECT email, phone, owner_id, status, time_zone, true AS email_opt_in, true AS sms_opt_in,"
                        + " true AS whatsapp_opt_in FROM leads WHERE id = ? AND deleted_at IS NULL"
                : "SELECT email, phone, owner_id, status, time_zone, email_opt_in, sms_opt_in, whatsapp_opt_in"
                        + " FROM contacts WHERE id = ? AND deleted_at IS NULL";
        return jdbc.queryForList(sql, recordId).stream().findFirst();
    }

    /** A bounce or unsubscribe shows on an active contact's status. */
    void contactStatus(UUID contactId, String status) {
        jdbc.update(
                "UPDATE contacts SET status = ?, updated_at = now(), version = version + 1 WHERE id = ? AND status = 'active'",
                status,
                contactId);
    }

    private static Enrolment enrolment(ResultSet rs, int i) throws SQLException {
        return new Enrolment(
                rs.getObject("id", UUID.class),
                rs.getObject("sequence_id", UUID.class),
                rs.getString("record_type"),
                rs.getObject("record_id", UUID.class),
                rs.getString("status"),
                rs.getString("stop_reason"),
                rs.getInt("current_step"),
                rs.getString("source"),
                rs.getObject("enrolled_by", UUID.class),
                rs.getString("process_instance_id"),
                rs.getTimestamp("enrolled_at").toInstant(),
                rs.getTimestamp("ended_at") == null
                        ? null
                        : rs.getTimestamp("ended_at").toInstant(),
                rs.getString("recipient_time_zone"),
                rs.getTimestamp("send_at") == null
                        ? null
                        : rs.getTimestamp("send_at").toInstant(),
                null);
    }
}
