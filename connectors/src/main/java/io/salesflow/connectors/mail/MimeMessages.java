package io.salesflow.connectors.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Maps an {@link OutgoingMail} to a MIME message: UTF-8 text and HTML parts (multipart/alternative when both), the
 * stable Message-ID (Jakarta Mail would otherwise make a new one on every send), Reply-To, threading headers and
 * RFC 8058 one-click {@code List-Unsubscribe}, attachments (multipart/mixed around the body).
 */
@Component
public class MimeMessages {

    public OutgoingMimeMessage toMime(Session session, OutgoingMail mail) throws MessagingException {
        OutgoingMimeMessage message = new OutgoingMimeMessage(session, mail.messageId());
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
        if (mail.attachments().isEmpty()) {
            body(message, mail);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart content = new MimeBodyPart();
            body(content, mail);
            mixed.addBodyPart(content);
            for (MailAttachment attachment : mail.attachments()) {
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(
                        new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
                // Non-ASCII names go out RFC 2231-encoded (mail.mime.encodeparameters is on by default).
                file.setFileName(attachment.filename());
                file.setDisposition(Part.ATTACHMENT);
                mixed.addBodyPart(file);
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    private static void body(MimePart part, OutgoingMail mail) throws MessagingException {
        if (mail.text() != null && mail.html() != null) {
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            part.setContent(alternative);
        } else if (mail.html() != null) {
            part.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        } else {
            part.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        }
    }
}
