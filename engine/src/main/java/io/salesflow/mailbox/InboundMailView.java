package io.salesflow.mailbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message read from a mailbox and what became of it.
 *
 * @param kind REPLY, BOUNCE, AUTO_REPLY, NEW or UNREADABLE
 * @param status RECEIVED (not handled yet), THREADED (a reply or bounce found the email it answers), LEAD_CREATED,
 *     MATCHED (it went on the timeline of a record that had it already), IGNORED (nothing to do, see note) or
 *     QUARANTINED (it could not be read, see note)
 */
public record InboundMailView(
        UUID id,
        String kind,
        String status,
        String messageId,
        String fromAddress,
        String fromName,
        String subject,
        Instant sentAt,
        Instant receivedAt,
        List<String> bouncedRecipients,
        String recordType,
        UUID recordId,
        String note) {}
