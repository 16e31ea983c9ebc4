package io.salesflow.connectors.imap;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads new messages of the mailboxes the engine leases to it, by UID: from the cursor's UID up, in order, a bounded
 * batch per read, read-only (nothing is flagged or deleted in the customer's mailbox). Each message is copied whole
 * and parsed from the copy, so a message that cannot be parsed is quarantined and the next one read.
 */
public class ImapPoller {

    private static final Logger log = LoggerFactory.getLogger(ImapPoller.class);

    private final MailboxPort port;
    private final String reader = "imap-" + UUID.randomUUID();
    private final InboundMailReader mailReader = new InboundMailReader();
    private final Duration lease;
    private final int mailboxesPerPoll;
    private final int messagesPerRead;
    private final int maxMessageBytes;
    private final Duration timeout;

    public ImapPoller(
            MailboxPort port,
            Duration lease,
            int mailboxesPerPoll,
            int messagesPerRead,
            int maxMessageBytes,
            Duration timeout) {
        this.port = port;
        this.lease = lease;
        this.mailboxesPerPoll = mailboxesPerPoll;
        this.messagesPerRead = messagesPerRead;
        this.maxMessageBytes = maxMessageBytes;
        this.timeout = timeout;
    }

    /** One round: every mailbox leased to this reader is read once. Returns how many messages were read (quarantined ones too). */
    public int poll() {
        int taken = 0;
        for (Mailbox mailbox : port.leaseDue(reader, lease, mailboxesPerPoll)) {
            String error = null;
            try {
                taken += read(mailbox);
            } catch (MessagingException | RuntimeException e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
                log.warn("Reading {} failed: {}", mailbox, error);
            } finally {
                port.release(mailbox, reader, error);
            }
        }
        return taken;
    }

    private int read(Mailbox mailbox) throws MessagingException {
        Session session = Session.getInstance(properties(mailbox));
        try (Store store = session.getStore(mailbox.ssl() ? "imaps" : "imap")) {
            store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_ONLY);
            try {
                UIDFolder uids = (UIDFolder) folder;
                long validity = uids.getUIDValidity();
                long from = validity == mailbox.uidValidity() ? mailbox.lastUid() + 1 : 1;
                Message[] messages = uids.getMessagesByUID(from, UIDFolder.LASTUID);
                FetchProfile profile = new FetchProfile();
                profile.add(UIDFolder.FetchProfileItem.UID);
                folder.fetch(messages, profile);
                int taken = 0;
                for (Message message : messages) {
                    long uid = uids.getUID(message);
                    if (uid < from) {
                        continue; // IMAP answers "n:*" with the last message even when n is past it.
                    }
                    take(mailbox, validity, uid, message);
                    if (++taken == messagesPerRead) {
                        break;
                    }
                }
                return taken;
            } finally {
                folder.close(false);
            }
        }
    }

    private void take(Mailbox mailbox, long validity, long uid, Message message) {
        byte[] raw;
        try {
            if (message.getSize() > maxMessageBytes) {
                port.quarantine(mailbox, validity, uid, "Larger than " + maxMessageBytes + " bytes", null);
                return;
            }
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            message.writeTo(copy);
            raw = copy.toByteArray();
        } catch (MessagingException | IOException e) {
            port.quarantine(mailbox, validity, uid, "Cannot fetch: " + e, null);
            return;
        }
        try {
            MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            port.accept(mailbox, validity, uid, mailReader.read(parsed));
        } catch (UnreadableMailException | MessagingException e) {
            log.info("Quarantined message {} of {}: {}", uid, mailbox, e.getMessage());
            port.quarantine(mailbox, validity, uid, e.getMessage(), raw);
        }
    }

    private Properties properties(Mailbox mailbox) {
        Properties properties = new Properties();
        String protocol = mailbox.ssl() ? "imaps" : "imap";
        String millis = String.valueOf(timeout.toMillis());
        properties.setProperty("mail." + protocol + ".connectiontimeout", millis);
        properties.setProperty("mail." + protocol + ".timeout", millis);
        properties.setProperty("mail." + protocol + ".writetimeout", millis);
        if (mailbox.ssl()) {
            properties.setProperty("mail.imaps.ssl.checkserveridentity", "true");
        }
        return properties;
    }
}
