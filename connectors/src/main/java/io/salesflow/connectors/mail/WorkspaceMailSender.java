package io.salesflow.connectors.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.component.mail.DefaultJavaMailSender;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * The sender behind camel-mail's {@code smtp:} endpoint of the {@code smtp-send} route. Each workspace has its own
 * server, so the endpoint cannot name one: the server comes with the message, in the session it was built on
 * ({@link SmtpSessions}). One SMTP conversation per message: connect, send, close. The server's last reply is kept
 * on the message; a refusal becomes a {@link MailDeliveryException} (inside a {@link MessagingException}) that says whether trying again could help.
 */
class WorkspaceMailSender extends DefaultJavaMailSender {

    @Override
    public void send(MimeMessage message) throws MessagingException {
        Session session = message.getSession();
        String protocol = session.getProperty("mail.transport.protocol");
        try (Transport transport = session.getTransport(protocol)) {
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
            if (message instanceof OutgoingMimeMessage outgoing) {
                outgoing.serverReply(
                        transport instanceof SMTPTransport smtp ? trim(smtp.getLastServerResponse()) : "sent");
            }
        } catch (MessagingException e) {
            // camel-mail's producer completes the exchange only for a MessagingException (anything else leaves
            // the caller waiting for good), so the classified failure travels inside one.
            MailDeliveryException failure = classify(session, protocol, e);
            throw new MessagingException(failure.getMessage(), failure);
        }
    }

    private static MailDeliveryException classify(Session session, String protocol, MessagingException e) {
        String where = session.getProperty("mail." + protocol + ".host") + ":"
                + session.getProperty("mail." + protocol + ".port");
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
