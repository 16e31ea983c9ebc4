package io.salesflow.connectors.imap;

import java.time.Duration;
import java.util.List;

/** What the IMAP poller needs from the engine: which mailboxes to read, and where their messages go. */
public interface MailboxPort {

    /**
     * Mailboxes due for a read, each now leased to {@code reader} until {@code lease} has passed: while the lease
     * holds no other reader (another replica) gets it, so a mailbox is read by one reader at a time.
     */
    List<Mailbox> leaseDue(String reader, Duration lease, int max);

    /**
     * Takes one message. Idempotent on (mailbox, uidValidity, uid), and moves the mailbox's cursor to {@code uid} in
     * the same transaction, so a message is taken once even when a read is repeated after a crash.
     */
    void accept(Mailbox mailbox, long uidValidity, long uid, InboundMail mail);

    /** Keeps a message that cannot be read aside (with its raw bytes, when not too large) and moves the cursor past it. */
    void quarantine(Mailbox mailbox, long uidValidity, long uid, String reason, byte[] raw);

    /** Ends the lease; {@code error} says why the read failed, or is null. */
    void release(Mailbox mailbox, String reader, String error);
}
