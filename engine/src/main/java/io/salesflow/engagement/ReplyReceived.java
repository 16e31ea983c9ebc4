package io.salesflow.engagement;

import java.util.Objects;
import java.util.UUID;

/**
 * A lead or contact answered a message: a text message (SMS, WhatsApp) or an email reply. Published inside the
 * transaction that stored the reply, by whichever module received it; sequences stop on it, scoring counts it.
 *
 * @param channel {@code sms}, {@code whatsapp} or {@code email}
 * @param recordType {@code lead} or {@code contact}
 * @param messageId the receiving module's id of the reply (a text message, an email)
 */
public record ReplyReceived(UUID tenantId, String channel, String recordType, UUID recordId, UUID messageId) {

    public ReplyReceived {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(messageId, "messageId");
    }
}
