package io.salesflow.textmessage;

import java.util.UUID;

/**
 * An outgoing SMS or WhatsApp message that will not arrive: Twilio reported it failed or undelivered, or the outbox
 * gave up handing it to Twilio. Published in the transaction that recorded the status.
 *
 * @param recordType {@code lead} or {@code contact}, or null
 * @param sentBy the user who sent it, or null for a process
 * @param reason Twilio's error code and message, or why the outbox gave up
 */
public record TextMessageFailed(
        UUID tenantId,
        UUID messageId,
        String channel,
        String to,
        String recordType,
        UUID recordId,
        UUID sentBy,
        String reason) {

    static TextMessageFailed of(UUID tenantId, TextMessage message, String reason) {
        return new TextMessageFailed(
                tenantId,
                message.id(),
                message.channel(),
                message.to(),
                message.recordType(),
                message.recordId(),
                message.sentBy(),
                reason);
    }
}
