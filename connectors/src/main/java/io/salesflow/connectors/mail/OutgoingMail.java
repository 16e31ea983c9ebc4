package io.salesflow.connectors.mail;

import java.util.List;

/**
 * One email as the {@code smtp-send} route sends it.
 *
 * @param messageId the Message-ID, angle brackets included; the same on every delivery of this email
 * @param replyTo the Reply-To address (a plus-addressed reply token), or null
 * @param inReplyTo the Message-ID this one answers, or null
 * @param references earlier Message-IDs of the thread, oldest first
 * @param unsubscribeUrl the https URL of one-click unsubscribe (RFC 8058), or null for mail that is not sent to a
 *     list (a test message)
 * @param text the plain text part, or null
 * @param html the HTML part, or null; with {@code text} the message is multipart/alternative
 * @param attachments files sent with the message (multipart/mixed around the body), in this order
 */
public record OutgoingMail(
        String messageId,
        String fromAddress,
        String fromName,
        List<String> to,
        List<String> cc,
        String replyTo,
        String inReplyTo,
        List<String> references,
        String subject,
        String text,
        String html,
        String unsubscribeUrl,
        List<MailAttachment> attachments) {

    public OutgoingMail {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        to = List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        references = references == null ? List.of() : List.copyOf(references);
        if (text == null && html == null) {
            throw new IllegalArgumentException("an email needs a text or an HTML part");
        }
    }

    /** An email without attachments. */
    public OutgoingMail(
            String messageId,
            String fromAddress,
            String fromName,
            List<String> to,
            List<String> cc,
            String replyTo,
            String inReplyTo,
            List<String> references,
            String subject,
            String text,
            String html,
            String unsubscribeUrl) {
        this(
                messageId,
                fromAddress,
                fromName,
                to,
                cc,
                replyTo,
                inReplyTo,
                references,
                subject,
                text,
                html,
                unsubscribeUrl,
                List.of());
    }
}
