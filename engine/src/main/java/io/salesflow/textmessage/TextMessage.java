package io.salesflow.textmessage;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A text message to or from a lead or contact.
 *
 * @param to the recipient in E.164 (ours for inbound messages)
 * @param from the sender: our number, Messaging Service or WhatsApp sender for outbound messages, theirs for inbound
 * @param contentVariables a WhatsApp template's variables, when {@code contentSid} names one
 * @param recordType {@code lead} or {@code contact}; null for an inbound message from a number no record has
 */
public record TextMessage(
        UUID id,
        String direction,
        String channel,
        String status,
        String messageSid,
        String to,
        String from,
        String body,
        String contentSid,
        Map<String, String> contentVariables,
        String recordType,
        UUID recordId,
        UUID sentBy,
        Integer errorCode,
        String errorMessage,
        Instant createdAt,
        Instant statusChangedAt) {}
