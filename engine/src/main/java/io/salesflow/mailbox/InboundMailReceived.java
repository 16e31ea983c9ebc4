package io.salesflow.mailbox;

import java.util.UUID;

/**
 * A message was read from a mailbox and kept, once. Listeners decide what it means: a reply threads to the email it
 * answers, a bounce suppresses the address, new mail to a capture mailbox becomes a lead.
 *
 * @param kind REPLY, BOUNCE, AUTO_REPLY or NEW
 * @param purpose the mailbox's purpose: replies or capture
 */
public record InboundMailReceived(UUID tenantId, UUID inboundMailId, UUID mailboxId, String kind, String purpose) {}
