package io.salesflow.mailbox;

import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The messages read from the tenant's mailboxes: for the mailbox page, and for the listeners that handle them. */
@Service
public class InboundMails {

    /** What a listener needs of a message to handle it. */
    public record Received(
            UUID id,
            UUID mailboxId,
            String kind,
            String messageId,
            List<String> threadIds,
            List<String> replyTokens,
            String fromAddress,
            String fromName,
            List<String> recipients,
            String subject,
            String text,
            java.time.Instant sentAt,
            List<String> bouncedRecipients,
            String bounceStatus,
            String status) {}

    private final JdbcTemplate jdbc;

    InboundMails(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first; {@code status} narrows to one status. */
    @Transactional(readOnly = true)
    public CursorPage<InboundMailView> list(UUID mailbox, String status, String cursor, int limit) {
        if (jdbc.queryForList("SELECT 1 FROM mailboxes WHERE id = ?", mailbox).isEmpty()) {
            throw Problem.notFound("mailbox", mailbox);
        }
        String after = CursorPage.decode(cursor);
        List<Object> arguments = new ArrayList<>(List.of(mailbox));
        StringBuilder sql = new StringBuilder(
                "SELECT id, kind, status, message_id, from_address, from_name, subject, sent_at, received_at,"
                        + " bounced_recipients, record_type, record_id, note FROM inbound_mails WHERE mailbox_id = ?");
        if (status != null) {
            sql.append(" AND status = ?");
            arguments.add(status);
        }
        if (after != null) {
            String[] parts = after.split("\\|", 2);
            if (parts.length != 2) {
                throw Problem.invalid("cursor", "is not a cursor of this list");
            }
            sql.append(" AND (received_at, id) < (?, ?)");
            try {
                arguments.add(Timestamp.from(java.time.Instant.parse(parts[0])));
                arguments.add(UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw Problem.invalid("cursor", "is not a cursor of this list");
            }
        }
        sql.append(" ORDER BY received_at DESC, id DESC LIMIT ?");
        arguments.add(limit + 1);
        List<InboundMailView> rows = jdbc.query(sql.toString(), InboundMails::view, arguments.toArray());
        return CursorPage.of(rows, limit, v -> CursorPage.encode(v.receivedAt() + "|" + v.id()));
    }

    /** The message, when it is still waiting to be handled (a listener run twice finds it handled). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Received> lockUnhandled(UUID id) {
        return jdbc
                .query(
                        "SELECT * FROM inbound_mails WHERE id = ? AND status = 'RECEIVED' FOR UPDATE",
                        (rs, row) -> new Received(
                                rs.getObject("id", UUID.class),
                                rs.getObject("mailbox_id", UUID.class),
                                rs.getString("kind"),
                                rs.getString("message_id"),
                                strings(rs.getArray("thread_ids")),
                                strings(rs.getArray("reply_tokens")),
                                rs.getString("from_address"),
                                rs.getString("from_name"),
                                strings(rs.getArray("recipients")),
                                rs.getString("subject"),
                                rs.getString("body_text"),
                                rs.getTimestamp("sent_at") == null
                                        ? null
                                        : rs.getTimestamp("sent_at").toInstant(),
                                strings(rs.getArray("bounced_recipients")),
                                rs.getString("bounce_status"),
                                rs.getString("status")),
                        id)
                .stream()
                .findFirst();
    }

    /** Records what became of a message. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void handled(UUID id, String status, String recordType, UUID recordId, String note) {
        jdbc.update(
                "UPDATE inbound_mails SET status = ?, record_type = ?, record_id = ?, note = ? WHERE id = ?",
                status,
                recordType,
                recordId,
                note,
                id);
    }

    private static InboundMailView view(ResultSet rs, int row) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new InboundMailView(
                rs.getObject("id", UUID.class),
                rs.getString("kind"),
                rs.getString("status"),
                rs.getString("message_id"),
                rs.getString("from_address"),
                rs.getString("from_name"),
                rs.getString("subject"),
                sent == null ? null : sent.toInstant(),
                rs.getTimestamp("received_at").toInstant(),
                strings(rs.getArray("bounced_recipients")),
                rs.getString("record_type"),
                rs.getObject("record_id", UUID.class),
                rs.getString("note"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
