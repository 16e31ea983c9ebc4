package io.salesflow.mailbox;

import io.salesflow.connectors.imap.InboundMail;
import io.salesflow.connectors.imap.Mailbox;
import io.salesflow.connectors.imap.MailboxPort;
import io.salesflow.platform.secrets.SecretBox;
import io.salesflow.tenancy.Tenant;
import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's side of the IMAP poller. Leases are taken per tenant with {@code FOR UPDATE SKIP LOCKED} on due rows
 * whose lease has run out, so two replicas never read one mailbox at once; a message is kept once per (mailbox,
 * UIDVALIDITY, UID) and the cursor moves in the same transaction, so a read repeated after a crash keeps nothing
 * twice.
 */
@Component
class MailboxStore implements MailboxPort {

    private final Tenants tenants;
    private final JdbcTemplate jdbc;
    private final SecretBox secrets;
    private final MailboxProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    MailboxStore(
            Tenants tenants,
            JdbcTemplate jdbc,
            SecretBox secrets,
            MailboxProperties properties,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager) {
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.properties = properties;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public List<Mailbox> leaseDue(String reader, Duration lease, int max) {
        List<Mailbox> leased = new ArrayList<>();
        for (Tenant tenant : tenants.all()) {
            if (leased.size() >= max) {
                break;
            }
            int room = max - leased.size();
            leased.addAll(TenantContext.callAs(
                    tenant.getId(),
                    () -> transactions.execute(status -> jdbc.query(
                            "UPDATE mailboxes SET leased_by = ?, leased_until = now() + ? * interval '1 millisecond'"
                                    + " WHERE id IN (SELECT id FROM mailboxes WHERE enabled AND next_read_at <= now()"
                                    + " AND (leased_until IS NULL OR leased_until < now())"
                                    + " ORDER BY next_read_at LIMIT ? FOR UPDATE SKIP LOCKED)"
                                    + " RETURNING id, host, port, ssl, username, password_sealed, folder, uid_validity, last_uid",
                            (rs, row) -> {
                                UUID id = rs.getObject("id", UUID.class);
                                return new Mailbox(
                                        tenant.getId(),
                                        id,
                                        rs.getString("host"),
                                        rs.getInt("port"),
                                        rs.getBoolean("ssl"),
                                        rs.getString("username"),
                                        secrets.open(
                                                rs.getBytes("password_sealed"),
                                                Mailboxes.passwordContext(tenant.getId(), id)),
                                        rs.getString("folder"),
                                        rs.getLong("uid_validity"),
                                        rs.getLong("last_uid"));
                            },
                            reader,
                            lease.toMillis(),
                            room))));
        }
        return leased;
    }

    @Override
    public void accept(Mailbox mailbox, long uidValidity, long uid, InboundMail mail) {
        keep(mailbox, uidValidity, uid, mail, null, null);
    }

    @Override
    public void quarantine(Mailbox mailbox, long uidValidity, long uid, String reason, byte[] raw) {
        byte[] kept = raw == null || raw.length > properties.maxRawBytes() ? null : raw;
        keep(mailbox, uidValidity, uid, null, reason, kept);
    }

    private void keep(Mailbox mailbox, long uidValidity, long uid, InboundMail mail, String reason, byte[] raw) {
        TenantContext.runAs(
                mailbox.tenantId(),
                () -> transactions.executeWithoutResult(status -> {
                    UUID id = UUID.randomUUID();
                    List<UUID> inserted = jdbc.query(
                            "INSERT INTO inbound_mails (id, mailbox_id, uid_validity, uid, kind, status, message_id, thread_ids,"
                                    + " reply_tokens, from_address, from_name, recipients, subject, body_text, sent_at,"
                                    + " bounced_recipients, bounce_status, note, raw)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                    + " ON CONFLICT (tenant_id, mailbox_id, uid_validity, uid) DO NOTHING RETURNING id",
                            (rs, row) -> rs.getObject("id", UUID.class),
                            id,
                            mailbox.id(),
                            uidValidity,
                            uid,
                            mail == null ? "UNREADABLE" : mail.kind().name(),
                            mail == null ? "QUARANTINED" : "RECEIVED",
                            mail == null ? null : clip(mail.messageId(), 998),
                            array(mail == null ? List.of() : mail.threadIds()),
                            array(mail == null ? List.of() : mail.replyTokens()),
                            mail == null ? null : clip(mail.fromAddress(), 320),
                            mail == null ? null : clip(mail.fromName(), 200),
                            array(mail == null ? List.of() : mail.recipients()),
                            mail == null ? null : clip(mail.subject(), 998),
                            mail == null ? null : mail.text(),
                            mail == null || mail.sentAt() == null ? null : Timestamp.from(mail.sentAt()),
                            array(mail == null ? List.of() : mail.bouncedRecipients()),
                            mail == null ? null : mail.bounceStatus(),
                            clip(reason, 1000),
                            raw);
                    String purpose = jdbc.queryForObject(
                            "UPDATE mailboxes SET uid_validity = ?,"
                                    + " last_uid = greatest(CASE WHEN uid_validity = ? THEN last_uid ELSE 0 END, ?)"
                                    + " WHERE id = ? RETURNING purpose",
                            String.class,
                            uidValidity,
                            uidValidity,
                            uid,
                            mailbox.id());
                    if (!inserted.isEmpty() && mail != null) {
                        events.publishEvent(new InboundMailReceived(
                                mailbox.tenantId(),
                                inserted.get(0),
                                mailbox.id(),
                                mail.kind().name(),
                                purpose));
                    }
                }));
    }

    @Override
    public void release(Mailbox mailbox, String reader, String error) {
        TenantContext.runAs(
                mailbox.tenantId(),
                () -> transactions.executeWithoutResult(status -> jdbc.update(
                        "UPDATE mailboxes SET leased_by = NULL, leased_until = NULL, last_read_at = now(), last_error = ?,"
                                + " next_read_at = now() + ? * interval '1 millisecond' WHERE id = ? AND leased_by = ?",
                        clip(error, 1000),
                        properties.readInterval().toMillis(),
                        mailbox.id(),
                        reader)));
    }

    private Array array(List<String> values) {
        return jdbc.execute(
                (ConnectionCallback<Array>) connection -> connection.createArrayOf("text", values.toArray()));
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
