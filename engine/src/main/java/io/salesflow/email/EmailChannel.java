package io.salesflow.email;

import io.salesflow.connectors.mail.MailAttachment;
import io.salesflow.connectors.mail.MailDeliveryException;
import io.salesflow.connectors.mail.MailRelay;
import io.salesflow.connectors.mail.OutgoingMail;
import io.salesflow.outbox.DeliveryOutcome;
import io.salesflow.outbox.OutboxChannel;
import io.salesflow.outbox.OutboxItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued emails for the outbox: checks the suppression list (a suppressed recipient ends the email as
 * {@code suppressed}) and the workspace's send rate (over it, the email waits without using an attempt), then sends
 * through the {@code smtp-send} route under the email's Message-ID and records the outcome on the email. A refusal
 * for good, or the last failed retry, marks it {@code failed} and publishes {@link EmailFailed}.
 */
@Component
class EmailChannel implements OutboxChannel {

    private static final Logger log = LoggerFactory.getLogger(EmailChannel.class);
    private static final Duration CIRCUIT_WAIT = Duration.ofSeconds(30);
    private static final Duration NOT_CONFIGURED_WAIT = Duration.ofMinutes(10);

    private final EmailStore store;
    private final EmailSettingsStore settings;
    private final Suppressions suppressions;
    private final UnsubscribeTokens tokens;
    private final TrackingTokens trackingTokens;
    private final MailRelay relay;
    private final EmailProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EmailChannel(
            EmailStore store,
            EmailSettingsStore settings,
            Suppressions suppressions,
            UnsubscribeTokens tokens,
            TrackingTokens trackingTokens,
            MailRelay relay,
            EmailProperties properties,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.store = store;
        this.settings = settings;
        this.suppressions = suppressions;
        this.tokens = tokens;
        this.trackingTokens = trackingTokens;
        this.relay = relay;
        this.properties = properties;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    public String name() {
        return Emails.CHANNEL;
    }

    @Override
    public DeliveryOutcome deliver(OutboxItem item) {
        Prepared prepared = transactions.execute(status -> prepare(item));
        if (prepared.outcome() != null) {
            return prepared.outcome();
        }
        try {
            String reply = relay.send(prepared.settings().server(prepared.password()), prepared.mail());
            transactions.executeWithoutResult(status -> store.markSent(item.subjectId(), clock.instant()));
            return DeliveryOutcome.delivered(reply);
        } catch (MailDeliveryException e) {
            transactions.executeWithoutResult(status -> store.noteError(item.subjectId(), e.getMessage()));
            switch (e.kind()) {
                case PERMANENT:
                    return DeliveryOutcome.giveUp(e.getMessage());
                case CIRCUIT_OPEN:
                    return DeliveryOutcome.deferred(e.getMessage(), CIRCUIT_WAIT);
                default:
                    return DeliveryOutcome.retry(e.getMessage());
            }
        }
    }

    private record Prepared(DeliveryOutcome outcome, EmailSettings settings, String password, OutgoingMail mail) {

        static Prepared done(DeliveryOutcome outcome) {
            return new Prepared(outcome, null, null, null);
        }
    }

    private Prepared prepare(OutboxItem item) {
        Optional<EmailStore.Email> found = store.find(item.subjectId());
        if (found.isEmpty()) {
            return Prepared.done(DeliveryOutcome.giveUp("The email is gone"));
        }
        EmailStore.Email email = found.get();
        if (!email.status().equals("queued") && !email.status().equals("sent")) {
            return Prepared.done(DeliveryOutcome.giveUp("The email is " + email.status()));
        }
        Optional<EmailSettings> sender = settings.find(false);
        if (sender.isEmpty()) {
            return Prepared.done(DeliveryOutcome.deferred("The workspace has no sender settings", NOT_CONFIGURED_WAIT));
        }
        List<String> recipients = new ArrayList<>(email.to());
        recipients.addAll(email.cc());
        Set<String> suppressed = suppressions.suppressed(recipients);
        if (!suppressed.isEmpty()) {
            String reason = "Suppressed: " + String.join(", ", suppressed);
            store.finish(email.id(), "suppressed", reason);
            return Prepared.done(DeliveryOutcome.giveUp(reason));
        }
        EmailSettings current = sender.get();
        Instant now = clock.instant();
        EmailStore.SentLately lately = store.sentSince(now.minus(Duration.ofMinutes(1)));
        if (lately.count() >= current.ratePerMinute()) {
            Duration wait = Duration.between(now, lately.oldest().plus(Duration.ofMinutes(1)));
            return Prepared.done(DeliveryOutcome.deferred(
                    "The workspace's send rate of " + current.ratePerMinute() + " a minute is reached",
                    wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait));
        }
        store.startAttempt(email.id());
        String replyTo = current.replyDomain() == null || email.replyToken() == null
                ? null
                : "reply+" + email.replyToken() + "@" + current.replyDomain();
        String unsubscribe = email.recordType() == null
                ? null
                : properties.publicUrl().replaceAll("/+$", "") + "/unsubscribe/"
                        + tokens.issue(io.salesflow.tenancy.TenantContext.require(), email.id());
        UUID tenant = io.salesflow.tenancy.TenantContext.require();
        String base = properties.publicUrl().replaceAll("/+$", "");
        String html = email.html() == null
                ? null
                : TrackedHtml.of(
                        email.html(),
                        url -> base + "/t/c/" + trackingTokens.issue(tenant, email.id(), url),
                        base + "/t/o/" + trackingTokens.issue(tenant, email.id(), null));
        OutgoingMail mail = new OutgoingMail(
                email.messageId(),
                email.fromAddress(),
                email.fromName(),
                email.to(),
                email.cc(),
                replyTo,
                email.inReplyTo(),
                email.references(),
                email.subject(),
                email.text(),
                html,
                unsubscribe,
                email.attachments().isEmpty()
                        ? List.of()
                        : store.files(email.id()).stream()
                                .map(file -> new MailAttachment(file.filename(), file.contentType(), file.content()))
                                .toList());
        return new Prepared(null, current, settings.open(current), mail);
    }

    @Override
    public void gaveUp(OutboxItem item, String reason) {
        transactions.executeWithoutResult(status -> {
            if (!store.finish(item.subjectId(), "failed", reason)) {
                return;
            }
            EmailStore.Email email = store.find(item.subjectId()).orElseThrow();
            log.warn("Email {} of tenant {} failed: {}", email.id(), item.tenantId(), reason);
            events.publishEvent(new EmailFailed(
                    item.tenantId(),
                    email.id(),
                    email.recordType(),
                    email.recordId(),
                    email.createdBy(),
                    email.subject(),
                    reason));
        });
    }
}
