package io.salesflow.email;

import io.salesflow.engagement.EngagementKind;
import io.salesflow.engagement.LeadEngaged;
import io.salesflow.engagement.ReplyReceived;
import io.salesflow.mailbox.InboundMailReceived;
import io.salesflow.mailbox.InboundMails;
import io.salesflow.tenancy.TenantScope;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What mail read from a mailbox means for the emails Salesflow sent. A reply finds the email it answers by
 * In-Reply-To and References (the newest first), else by the reply token of its plus-addressed recipient, and is kept
 * as an inbound email on that email's record, with {@link ReplyReceived} (and a lead's engagement for scoring). A
 * bounce marks the email bounced and puts each failed address on the suppression list, with {@link EmailBounced}.
 * Automatic answers are not replies: they are noted and dropped.
 */
@Component
class EmailReplies {

    private final InboundMails mails;
    private final EmailStore emails;
    private final Suppressions suppressions;
    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EmailReplies(
            InboundMails mails,
            EmailStore emails,
            Suppressions suppressions,
            JdbcTemplate jdbc,
            TenantScope tenantScope,
            ApplicationEventPublisher events,
            Clock clock) {
        this.mails = mails;
        this.emails = emails;
        this.suppressions = suppressions;
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.events = events;
        this.clock = clock;
    }

    /** The email a message answers or reports on. */
    private record Sent(UUID id, String recordType, UUID recordId, String messageId, String fromAddress) {}

    // The listener's transaction begins before the tenant is known: TenantScope sets it inside that transaction.
    @ApplicationModuleListener
    void on(InboundMailReceived event) {
        boolean forReplies = "replies".equals(event.purpose());
        boolean mine =
                switch (event.kind()) {
                    case "REPLY", "BOUNCE" -> true;
                    case "AUTO_REPLY", "NEW" -> forReplies;
                    default -> false;
                };
        if (mine) {
            tenantScope.runAs(event.tenantId(), () -> mails.lockUnhandled(event.inboundMailId())
                    .ifPresent(mail -> handle(event, mail)));
        }
    }

    private void handle(InboundMailReceived event, InboundMails.Received mail) {
        switch (mail.kind()) {
            case "AUTO_REPLY" ->
                mails.handled(
                        mail.id(),
                        "IGNORED",
                        null,
                        null,
                        "an automatic answer (out of office or similar), not a reply");
            case "NEW" ->
                mails.handled(mail.id(), "IGNORED", null, null, "new mail: it answers no email sent from Salesflow");
            case "REPLY" -> reply(event, mail);
            case "BOUNCE" -> bounce(event, mail);
            default -> {}
        }
    }

    private void reply(InboundMailReceived event, InboundMails.Received mail) {
        Optional<Sent> sent = answered(mail);
        if (sent.isEmpty()) {
            mails.handled(mail.id(), "IGNORED", null, null, "it answers no email sent from Salesflow");
            return;
        }
        Sent original = sent.get();
        String messageId =
                mail.messageId() != null ? mail.messageId() : "<inbound-" + mail.id() + "@salesflow.invalid>";
        boolean known = !jdbc.queryForList("SELECT 1 FROM emails WHERE message_id = ?", messageId)
                .isEmpty();
        if (known) {
            mails.handled(
                    mail.id(),
                    "THREADED",
                    original.recordType(),
                    original.recordId(),
                    "kept already (another mailbox)");
            return;
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        List<String> references = new ArrayList<>(mail.threadIds());
        List<String> to = mail.recipients().isEmpty() ? List.of(original.fromAddress()) : mail.recipients();
        emails.insert(
                new EmailStore.Email(
                        id,
                        "inbound",
                        "received",
                        messageId,
                        original.messageId(),
                        references,
                        null,
                        mail.fromAddress() == null ? "unknown@invalid" : mail.fromAddress(),
                        mail.fromName(),
                        to.size() > 50 ? to.subList(0, 50) : to,
                        List.of(),
                        mail.subject() == null ? "" : mail.subject(),
                        mail.text() == null ? "" : mail.text(),
                        null,
                        original.recordType(),
                        original.recordId(),
                        null,
                        null,
                        now,
                        null,
                        0,
                        null,
                        null,
                        EmailView.Tracking.NONE,
                        // Received mail keeps no attachments: what came with it stays in the mailbox.
                        List.of()),
                now);
        if (original.recordId() != null
                && ("lead".equals(original.recordType()) || "contact".equals(original.recordType()))) {
            events.publishEvent(
                    new ReplyReceived(event.tenantId(), "email", original.recordType(), original.recordId(), id));
        }
        if ("lead".equals(original.recordType())) {
            events.publishEvent(LeadEngaged.of(
                    event.tenantId(),
                    original.recordId(),
                    EngagementKind.EMAIL_REPLIED,
                    mail.sentAt() != null ? mail.sentAt() : now,
                    null,
                    "messaging",
                    messageId));
        }
        mails.handled(
                mail.id(),
                "THREADED",
                original.recordType(),
                original.recordId(),
                "a reply to " + original.messageId());
    }

    private void bounce(InboundMailReceived event, InboundMails.Received mail) {
        Optional<Sent> sent = answered(mail);
        String status = mail.bounceStatus();
        for (String address : mail.bouncedRecipients()) {
            suppressions.add(
                    address,
                    "bounced",
                    sent.map(Sent::id).orElse(null),
                    status == null ? "bounced" : "bounced with status " + status,
                    null);
        }
        if (sent.isEmpty()) {
            mails.handled(
                    mail.id(),
                    "IGNORED",
                    null,
                    null,
                    "a bounce of mail not sent from Salesflow; suppressed "
                            + String.join(", ", mail.bouncedRecipients()));
            return;
        }
        Sent original = sent.get();
        jdbc.update(
                "UPDATE emails SET status = 'bounced', last_error = ? WHERE id = ? AND direction = 'outbound'",
                "bounced" + (status == null ? "" : " (" + status + ")") + ": "
                        + String.join(", ", mail.bouncedRecipients()),
                original.id());
        for (String address : mail.bouncedRecipients()) {
            events.publishEvent(new EmailBounced(
                    event.tenantId(), original.id(), address, original.recordType(), original.recordId(), status));
        }
        if ("lead".equals(original.recordType())) {
            events.publishEvent(LeadEngaged.of(
                    event.tenantId(),
                    original.recordId(),
                    EngagementKind.EMAIL_BOUNCED,
                    clock.instant(),
                    status,
                    "messaging",
                    original.messageId()));
        }
        mails.handled(
                mail.id(),
                "THREADED",
                original.recordType(),
                original.recordId(),
                "a bounce of " + original.messageId());
    }

    /** The sent email: by the Message-IDs the message names (newest first), else by a reply token. */
    private Optional<Sent> answered(InboundMails.Received mail) {
        if (!mail.threadIds().isEmpty()) {
            List<Sent> found = jdbc.query(
                    "SELECT id, record_type, record_id, message_id, from_address FROM emails"
                            + " WHERE direction = 'outbound' AND message_id = ANY (?)",
                    (rs, row) -> new Sent(
                            rs.getObject("id", UUID.class),
                            rs.getString("record_type"),
                            rs.getObject("record_id", UUID.class),
                            rs.getString("message_id"),
                            rs.getString("from_address")),
                    (Object) mail.threadIds().toArray(String[]::new));
            for (String id : mail.threadIds()) {
                Optional<Sent> match =
                        found.stream().filter(s -> s.messageId().equals(id)).findFirst();
                if (match.isPresent()) {
                    return match;
                }
            }
        }
        if (!mail.replyTokens().isEmpty()) {
            return jdbc
                    .query(
                            "SELECT id, record_type, record_id, message_id, from_address FROM emails"
                                    + " WHERE direction = 'outbound' AND reply_token = ANY (?) LIMIT 1",
                            (rs, row) -> new Sent(
                                    rs.getObject("id", UUID.class),
                                    rs.getString("record_type"),
                                    rs.getObject("record_id", UUID.class),
                                    rs.getString("message_id"),
                                    rs.getString("from_address")),
                            (Object) mail.replyTokens().stream()
                                    .map(t -> t.toLowerCase(java.util.Locale.ROOT))
                                    .toArray(String[]::new))
                    .stream()
                    .findFirst();
        }
        return Optional.empty();
    }
}
