package io.salesflow.email;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An email as the API shows it. */
public record EmailView(
        UUID id,
        String direction,
        String status,
        String messageId,
        String inReplyTo,
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
        UUID createdBy) {}
