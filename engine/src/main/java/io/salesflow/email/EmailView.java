package io.salesflow.email;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An email as the API shows it; {@code tracking} counts the opens and clicks of an outgoing one. */
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
        UUID createdBy,
        Tracking tracking,
        List<AttachedFile> attachments) {

    /** A file sent with the email, by name; its content is read only to deliver it. */
    public record AttachedFile(String filename, String contentType, int size) {}

    /** Opens (the email's tracking pixel was loaded) and clicks (a tracked link was followed). */
    public record Tracking(
            int opens,
            Instant firstOpenedAt,
            Instant lastOpenedAt,
            int clicks,
            Instant firstClickedAt,
            Instant lastClickedAt) {

        public static final Tracking NONE = new Tracking(0, null, null, 0, null, null);
    }
}
