package io.salesflow.email;

import io.salesflow.platform.web.CursorPage;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The {@code emails} table. */
@Component
class EmailStore {

    static final String COLUMNS = "id, direction, status, message_id, in_reply_to, references_ids, reply_token,"
            + " from_address, from_name, to_addresses, cc_addresses, subject, body_text, body_html, record_type,"
            + " record_id, template_id, template_version, created_at, sent_at, attempts, last_error, created_by,"
            + " attachments";
    /** What is read besides {@link #COLUMNS}: the tracking figures, which an insert leaves at their defaults. */
    static final String READ = COLUMNS + ", open_count, first_opened_at, last_opened_at, click_count, first_clicked_at,"
            + " last_clicked_at";

    private final JdbcTemplate jdbc;

    EmailStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A row to insert or as read. */
    record Email(
            UUID id,
            String direction,
            String status,
            String messageId,
            String inReplyTo,
            List<String> references,
            String replyToken,
            String fromAddress,
            String fromName,
            List<String> to,
            List<String> cc,
            String subject,
            String text,
            String html,
            String recordType,
            UUID recordId,
            UUID templateId,
            Integer templateVersion,
            Instant createdAt,
            Instant sentAt,
            int attempts,
            String lastError,
            UUID createdBy,
            EmailView.Tracking tracking,
            List<EmailView.AttachedFile> attachments) {

        Email {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }

        EmailView view() {
            return new EmailView(
                    id,
                    direction,
                    status,
                    messageId,
                    inReplyTo,
                    fromAddress,
                    fromName,
                    to,
                    cc,
                    subject,
                    text,
                    html,
                    recordType,
                    recordId,
                    templateId,
                    templateVersion,
                    createdAt,
                    sentAt,
                    attempts,
                    lastError,
                    createdBy,
                    tracking,
                    attachments);
        }
    }

    void insert(Email e, Instant now) {
        jdbc.update(
                "INSERT INTO emails (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?::jsonb)",
                e.id(),
                e.direction(),
                e.status(),
                e.messageId(),
                e.inReplyTo(),
                e.references().toArray(String[]::new),
                e.replyToken(),
                e.fromAddress(),
                e.fromName(),
                e.to().toArray(String[]::new),
                e.cc().toArray(String[]::new),
                e.subject(),
                e.text(),
                e.html(),
                e.recordType(),
                e.recordId(),
                e.templateId(),
                e.templateVersion(),
                Timestamp.from(now),
                null,
                0,
                null,
                e.createdBy(),
                filesJson(e.attachments()));
    }

    /** Stores the content of an email's files, in the order given. */
    void insertFiles(UUID emailId, List<Emails.EmailAttachment> files) {
        for (int i = 0; i < files.size(); i++) {
            Emails.EmailAttachment file = files.get(i);
            jdbc.update(
                    "INSERT INTO email_attachments (email_id, position, filename, content_type, content)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    emailId,
                    i,
                    file.filename(),
                    file.contentType(),
                    file.content());
        }
    }

    /** An email's files with their content, in order. */
    List<Emails.EmailAttachment> files(UUID emailId) {
        return jdbc.query(
                "SELECT filename, content_type, content FROM email_attachments WHERE email_id = ? ORDER BY position",
                (rs, i) -> new Emails.EmailAttachment(
                        rs.getString("filename"), rs.getString("content_type"), rs.getBytes("content")),
                emailId);
    }

    Optional<Email> find(UUID id) {
        return jdbc.query("SELECT " + READ + " FROM emails WHERE id = ?", MAPPER, id).stream()
                .findFirst();
    }

    /** A record's emails, newest first, a page after the cursor's (created_at, id). */
    CursorPage<Email> ofRecord(String recordType, UUID recordId, Instant afterAt, UUID afterId, int limit) {
        List<Object> params = new ArrayList<>(List.of(recordType, recordId));
        String after = "";
        if (afterAt != null) {
            after = " AND (created_at, id) < (?, ?)";
            params.add(Timestamp.from(afterAt));
            params.add(afterId);
        }
        params.add(limit + 1);
        List<Email> rows = jdbc.query(
                "SELECT " + READ + " FROM emails WHERE record_type = ? AND record_id = ?" + after
                        + " ORDER BY created_at DESC, id DESC LIMIT ?",
                MAPPER,
                params.toArray());
        return CursorPage.of(rows, limit, e -> e.createdAt() + "|" + e.id());
    }

    static final RowMapper<Email> MAPPER = (rs, i) -> new Email(
            rs.getObject("id", UUID.class),
            rs.getString("direction"),
            rs.getString("status"),
            rs.getString("message_id"),
            rs.getString("in_reply_to"),
            strings(rs, "references_ids"),
            rs.getString("reply_token"),
            rs.getString("from_address"),
            rs.getString("from_name"),
            strings(rs, "to_addresses"),
            strings(rs, "cc_addresses"),
            rs.getString("subject"),
            rs.getString("body_text"),
            rs.getString("body_html"),
            rs.getString("record_type"),
            rs.getObject("record_id", UUID.class),
            rs.getObject("template_id", UUID.class),
            (Integer) rs.getObject("template_version"),
            instant(rs, "created_at"),
            instant(rs, "sent_at"),
            rs.getInt("attempts"),
            rs.getString("last_error"),
            rs.getObject("created_by", UUID.class),
            new EmailView.Tracking(
                    rs.getInt("open_count"),
                    instant(rs, "first_opened_at"),
                    instant(rs, "last_opened_at"),
                    rs.getInt("click_count"),
                    instant(rs, "first_clicked_at"),
                    instant(rs, "last_clicked_at")),
            files(rs.getString("attachments")));

    private static final com.fasterxml.jackson.databind.ObjectMapper FILES_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private static String filesJson(List<EmailView.AttachedFile> files) {
        try {
            return FILES_JSON.writeValueAsString(files);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<EmailView.AttachedFile> files(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return List.of(FILES_JSON.readValue(json, EmailView.AttachedFile[].class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** Marks an attempt; answers the status the email had. */
    Optional<String> startAttempt(UUID id) {
        return jdbc
                .query(
                        "UPDATE emails SET attempts = attempts + 1 WHERE id = ? RETURNING status",
                        (rs, i) -> rs.getString(1),
                        id)
                .stream()
                .findFirst();
    }

    void markSent(UUID id, Instant at) {
        jdbc.update(
                "UPDATE emails SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ?",
                Timestamp.from(at),
                id);
    }

    void noteError(UUID id, String error) {
        jdbc.update("UPDATE emails SET last_error = ? WHERE id = ?", truncate(error), id);
    }

    /** Moves a queued email to {@code status}; false when it was no longer queued. */
    boolean finish(UUID id, String status, String error) {
        return jdbc.update(
                        "UPDATE emails SET status = ?, last_error = ? WHERE id = ? AND status = 'queued'",
                        status,
                        truncate(error),
                        id)
                == 1;
    }

    /** Emails sent in the last minute, and when the oldest of them was sent. */
    SentLately sentSince(Instant since) {
        return jdbc.queryForObject(
                "SELECT count(*), min(sent_at) FROM emails WHERE direction = 'outbound' AND sent_at > ?",
                (rs, i) -> new SentLately(rs.getInt(1), instant(rs, "min")),
                Timestamp.from(since));
    }

    record SentLately(int count, Instant oldest) {}

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
