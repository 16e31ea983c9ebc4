package io.salesflow.connectors.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A message on its way out: its Message-ID is the one given on every save (Jakarta Mail would otherwise make a new
 * one each time, and a redelivery must carry the first one), and it keeps the server's answer to its delivery.
 */
public final class OutgoingMimeMessage extends MimeMessage {

    private final String messageId;
    private volatile String serverReply;

    OutgoingMimeMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }

    /** The mail server's last reply to the delivery (e.g. {@code 250 2.0.0 Ok: queued as 4F2A}), or null. */
    public String serverReply() {
        return serverReply;
    }

    void serverReply(String reply) {
        this.serverReply = reply;
    }
}
