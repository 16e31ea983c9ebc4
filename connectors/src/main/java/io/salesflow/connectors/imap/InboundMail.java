package io.salesflow.connectors.imap;

import java.time.Instant;
import java.util.List;

/**
 * A message read from a mailbox, with what threading and classification need.
 *
 * @param messageId its own Message-ID (angle brackets kept), or null when it has none
 * @param threadIds the Message-IDs it answers: In-Reply-To first, then References from the newest; for a bounce, the
 *     Message-ID of the message that bounced
 * @param replyTokens tokens of plus-addressed recipients ({@code reply+<token>@…}), the fallback for threading when
 *     a client drops the headers
 * @param text the plain-text body (HTML converted when there is no text part), without quoted earlier messages
 * @param bouncedRecipients for a bounce, the addresses that failed for good
 */
public record InboundMail(
        MailKind kind,
        String messageId,
        List<String> threadIds,
        List<String> replyTokens,
        String fromAddress,
        String fromName,
        List<String> recipients,
        String subject,
        String text,
        Instant sentAt,
        List<String> bouncedRecipients,
        String bounceStatus) {}
