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
        String unsubscribeUrl) {

    public OutgoingMail {
        to = List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        references = references == null ? List.of() : List.copyOf(references);
        if (text == null && html == null) {
            throw new IllegalArgumentException("an email needs a text or an HTML part");
        }
    }
}
