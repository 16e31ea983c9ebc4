package io.salesflow.connectors.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.util.Properties;

/**
 * A Jakarta Mail session for one workspace's {@link SmtpServer}: host, port, protection and timeouts as session
 * properties, the password only through the session's authenticator, so it never sits in a property, a URI or a
 * log line. The message built on it carries the session to {@link WorkspaceMailSender}.
 */
final class SmtpSessions {

    private SmtpSessions() {}

    static Session open(SmtpServer server, SmtpProperties properties) {
        String protocol = server.security() == SmtpServer.Security.SSL_TLS ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", protocol);
        props.setProperty(prefix + "host", server.host());
        props.setProperty(prefix + "port", Integer.toString(server.port()));
        String timeout = Long.toString(properties.timeout().toMillis());
        props.setProperty(prefix + "connectiontimeout", timeout);
        props.setProperty(prefix + "timeout", timeout);
        props.setProperty(prefix + "writetimeout", timeout);
        props.setProperty(prefix + "auth", Boolean.toString(server.username() != null));
        if (server.username() != null) {
            props.setProperty(prefix + "user", server.username());
        }
        if (server.security() == SmtpServer.Security.STARTTLS) {
            props.setProperty("mail.smtp.starttls.enable", "true");
            props.setProperty("mail.smtp.starttls.required", "true");
        }
        if (server.security() != SmtpServer.Security.NONE) {
            props.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        Authenticator login = server.username() == null
                ? null
                : new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(server.username(), server.password());
                    }
                };
        return Session.getInstance(props, login);
    }
}
