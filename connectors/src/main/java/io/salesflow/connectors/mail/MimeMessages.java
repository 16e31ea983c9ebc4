package io.salesflow.connectors.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Maps an {@link OutgoingMail} to a MIME message: UTF-8 text and HTML parts (multipart/alternative when both), the
 * stable Message-ID (Jakarta Mail would otherwise make a new one on every send), Reply-To, threading headers and
 * RFC 8058 one-click {@code List-Unsubscribe}.
 */
@Component
public class MimeMessages {

    public MimeMessage toMime(Session session, OutgoingMail mail) throws MessagingException {
        MimeMessage message = new StableIdMessage(session, mail.messageId());
        try {
            message.setFrom(new InternetAddress(mail.fromAddress(), mail.fromName(), StandardCharsets.UTF_8.name()));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        for (String to : mail.to()) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        }
        for (String cc : mail.cc()) {
            message.addRecipient(Message.RecipientType.CC, new InternetAddress(cc, true));
        }
        if (mail.replyTo() != null) {
            message.setReplyTo(new InternetAddress[] {new InternetAddress(mail.replyTo(), true)});
        }
        if (mail.inReplyTo() != null) {
            message.setHeader("In-Reply-To", mail.inReplyTo());
        }
        if (!mail.references().isEmpty()) {
            message.setHeader("References", String.join(" ", mail.references()));
        }
        if (mail.unsubscribeUrl() != null) {
            message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        if (mail.text() != null && mail.html() != null) {
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
        } else if (mail.html() != null) {
            message.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        } else {
            message.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        }
        message.saveChanges();
        return message;
    }

    /** A message whose Message-ID is the one given, on every save. */
    private static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
