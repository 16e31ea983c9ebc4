package io.salesflow.textmessage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.connectors.twilio.TextMessageRequest;
import io.salesflow.connectors.twilio.TextMessageResult;
import io.salesflow.connectors.twilio.TwilioSender;
import io.salesflow.outbox.DeliveryOutcome;
import io.salesflow.outbox.OutboxChannel;
import io.salesflow.outbox.OutboxItem;
import io.salesflow.tenancy.TenantContext;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code sms} outbox channel: sends a queued text message through the {@code twilio-send} route and records
 * Twilio's answer on the message. A number that opted out since the message was queued is never sent to (the
 * message ends as {@code opted_out}); Twilio's refusals (4xx) end it as {@code failed} with Twilio's error code;
 * Twilio's failures and an open circuit are tried again on the outbox's schedule, a 429 after a minute.
 */
@Component
class TextMessageChannel implements OutboxChannel {

    private static final Logger log = LoggerFactory.getLogger(TextMessageChannel.class);
    static final Duration RATE_LIMIT_PAUSE = Duration.ofMinutes(1);

    private final TextMessageRepository messages;
    private final TwilioSettingsStore settings;
    private final TwilioSettings urls;
    private final OptOuts optOuts;
    private final TwilioSender twilio;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;

    TextMessageChannel(
            TextMessageRepository messages,
            TwilioSettingsStore settings,
            TwilioSettings urls,
            OptOuts optOuts,
            TwilioSender twilio,
            PlatformTransactionManager transactions,
            ObjectMapper json,
            ApplicationEventPublisher events) {
        this.events = events;
        this.messages = messages;
        this.settings = settings;
        this.urls = urls;
        this.optOuts = optOuts;
        this.twilio = twilio;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
    }

    @Override
    public String name() {
        return TextMessages.CHANNEL;
    }

    private record Prepared(TextMessage message, TextMessageRequest request, DeliveryOutcome outcome) {}

    @Override
    public DeliveryOutcome deliver(OutboxItem item) {
        Prepared prepared = tx.execute(s -> prepare(item));
        if (prepared.outcome() != null) {
            return prepared.outcome();
        }
        TextMessageResult result = twilio.send(prepared.request());
        TextMessage message = prepared.message();
        switch (result.kind()) {
            case ACCEPTED -> {
                String status = TextStatus.fromTwilio(result.status()).orElse(TextStatus.QUEUED);
                tx.executeWithoutResult(s -> messages.accepted(message.id(), result.sid(), status));
                return DeliveryOutcome.delivered(result.sid());
            }
            case REJECTED -> {
                tx.executeWithoutResult(s -> failed(message, result.errorCode(), result.detail()));
                return DeliveryOutcome.giveUp("Twilio refused the message"
                        + (result.errorCode() == null ? "" : " (error " + result.errorCode() + ")") + ": "
                        + result.detail());
            }
            case RATE_LIMITED -> {
                return DeliveryOutcome.retryAfter(result.detail(), RATE_LIMIT_PAUSE);
            }
            default -> {
                return DeliveryOutcome.retry(result.detail());
            }
        }
    }

    private Prepared prepare(OutboxItem item) {
        Optional<TextMessage> found = messages.lock(item.subjectId());
        if (found.isEmpty()) {
            return new Prepared(null, null, DeliveryOutcome.giveUp("The text message is gone"));
        }
        TextMessage message = found.get();
        if (!TextStatus.QUEUED.equals(message.status()) || message.messageSid() != null) {
            // Sent before (a relay that stopped between the send and its record): not sent twice.
            return new Prepared(message, null, DeliveryOutcome.delivered("already " + message.status()));
        }
        if (optOuts.contains(message.to())) {
            messages.status(message.id(), TextStatus.OPTED_OUT, null, "The number opted out before it was sent");
            return new Prepared(message, null, DeliveryOutcome.giveUp("The number opted out"));
        }
        Optional<TwilioAccount> account = settings.account().filter(a -> a.sends(message.channel()));
        if (account.isEmpty()) {
            failed(message, null, "Twilio is not set up for " + message.channel());
            return new Prepared(message, null, DeliveryOutcome.giveUp("Twilio is not set up"));
        }
        return new Prepared(message, request(message, account.get()), null);
    }

    private TextMessageRequest request(TextMessage m, TwilioAccount account) {
        boolean whatsapp = "whatsapp".equals(m.channel());
        String service = account.messagingServiceSid();
        String from = whatsapp ? account.whatsappFrom() : account.fromNumber();
        // The Messaging Service sends SMS when there is one; WhatsApp goes from its own sender when there is one.
        boolean viaService = whatsapp ? from == null : service != null;
        try {
            return new TextMessageRequest(
                    account.accountSid(),
                    account.authToken(),
                    whatsapp ? "whatsapp:" + m.to() : m.to(),
                    viaService ? null : from,
                    viaService ? service : null,
                    m.body(),
                    m.contentSid(),
                    m.contentVariables() == null ? null : json.writeValueAsString(m.contentVariables()),
                    urls.statusCallbackUrl() + "?message=" + m.id());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void gaveUp(OutboxItem item, String reason) {
        log.warn("Text message {} was given up: {}", item.subjectId(), reason);
        tx.executeWithoutResult(s -> messages.lock(item.subjectId())
                .filter(m -> TextStatus.QUEUED.equals(m.status()) && m.messageSid() == null)
                .ifPresent(m -> failed(m, null, reason)));
    }

    /** Ends the message failed, and says so to whoever must now reach the person another way. */
    private void failed(TextMessage message, Integer errorCode, String reason) {
        messages.status(message.id(), TextStatus.FAILED, errorCode, reason);
        events.publishEvent(TextMessageFailed.of(
                TenantContext.require(), message, errorCode == null ? reason : reason + " (error " + errorCode + ")"));
    }
}
