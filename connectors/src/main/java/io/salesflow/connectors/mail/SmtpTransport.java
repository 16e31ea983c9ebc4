package io.salesflow.connectors.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * One SMTP conversation with Jakarta Mail: connect to the workspace's server (its login given to {@code connect},
 * never put into a URI or a log), send, close. Answers the server's last reply; a refusal becomes a
 * {@link MailDeliveryException} that says whether trying again could help.
 */
class SmtpTransport {

    private final SmtpProperties properties;
    private final MimeMessages mime;

    SmtpTransport(SmtpProperties properties, MimeMessages mime) {
        this.properties = properties;
        this.mime = mime;
    }

    String send(SmtpServer server, OutgoingMail mail) {
        String protocol = server.security() == SmtpServer.Security.SSL_TLS ? "smtps" : "smtp";
        Properties props = new Properties();
        String timeout = Long.toString(properties.timeout().toMillis());
        props.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        props.setProperty("mail." + protocol + ".timeout", timeout);
        props.setProperty("mail." + protocol + ".writetimeout", timeout);
        props.setProperty("mail." + protocol + ".auth", Boolean.toString(server.username() != null));
        if (server.security() == SmtpServer.Security.STARTTLS) {
            props.setProperty("mail.smtp.starttls.enable", "true");
            props.setProperty("mail.smtp.starttls.required", "true");
        }
        if (server.security() != SmtpServer.Security.NONE) {
            props.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        Session session = Session.getInstance(props);
        try {
            MimeMessage message = mime.toMime(session, mail);
            try (Transport transport = session.getTransport(protocol)) {
                transport.connect(server.host(), server.port(), server.username(), server.password());
                transport.sendMessage(message, message.getAllRecipients());
                return transport instanceof SMTPTransport smtp ? trim(smtp.getLastServerResponse()) : "sent";
            }
        } catch (MessagingException e) {
            throw classify(server, e);
        }
    }

    private static MailDeliveryException classify(SmtpServer server, MessagingException e) {
        String where = server.host() + ":" + server.port();
        if (e instanceof AddressException) {
            return new MailDeliveryException(MailDeliveryException.Kind.PERMANENT, "Bad address: " + e.getMessage(), e);
        }
        MessagingException smtp = smtpFailure(e);
        int code = smtp instanceof SMTPSendFailedException send
                ? send.getReturnCode()
                : smtp instanceof SMTPAddressFailedException address ? address.getReturnCode() : -1;
        if (code >= 500) {
            return new MailDeliveryException(
                    MailDeliveryException.Kind.PERMANENT,
                    where + " refused the message: " + trim(smtp.getMessage()),
                    e);
        }
        return new MailDeliveryException(
                MailDeliveryException.Kind.TRANSIENT,
                where + " did not take the message: " + trim(String.valueOf(e.getMessage())),
                e);
    }

    /** The server's own answer inside what Jakarta Mail threw, if it got one. */
    private static MessagingException smtpFailure(MessagingException e) {
        for (Exception cause = e; cause != null; ) {
            if (cause instanceof SMTPSendFailedException || cause instanceof SMTPAddressFailedException) {
                return (MessagingException) cause;
            }
            if (cause instanceof SendFailedException failed && failed.getNextException() != null) {
                cause = failed.getNextException();
            } else if (cause instanceof MessagingException m && m.getNextException() != null) {
                cause = m.getNextException();
            } else {
                cause = null;
            }
        }
        return e;
    }

    private static String trim(String text) {
        if (text == null) {
            return null;
        }
        String line = text.strip();
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
