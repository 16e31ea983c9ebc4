package io.salesflow.mailbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A mailbox as the API shows it: never its password, only whether one is set.
 *
 * @param purpose {@code replies} (answers to sent emails, bounces) or {@code capture} (new mail becomes a lead)
 */
public record MailboxView(
        UUID id,
        String name,
        String host,
        int port,
        boolean ssl,
        String username,
        boolean passwordSet,
        String folder,
        String purpose,
        boolean enabled,
        Instant lastReadAt,
        String lastError,
        long version) {}
