package io.salesflow.email;

import io.salesflow.connectors.mail.SmtpServer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A workspace's sender: its SMTP server and login (the password stays sealed here until a send opens it), who its
 * email is from, the domain of reply tokens and the send rate.
 */
record EmailSettings(
        String smtpHost,
        int smtpPort,
        String smtpSecurity,
        String smtpUsername,
        byte[] sealedPassword,
        String fromAddress,
        String fromName,
        String replyDomain,
        int ratePerMinute,
        long version,
        Instant updatedAt) {

    static final List<String> SECURITY = List.of("none", "starttls", "ssl_tls");

    SmtpServer server(String password) {
        return new SmtpServer(
                smtpHost,
                smtpPort,
                SmtpServer.Security.valueOf(smtpSecurity.toUpperCase(Locale.ROOT)),
                smtpUsername,
                smtpUsername == null ? null : password);
    }

    /** The domain Message-IDs are made under: the from address's. */
    String messageIdDomain() {
        return fromAddress.substring(fromAddress.lastIndexOf('@') + 1);
    }

    EmailSettingsView view() {
        return new EmailSettingsView(
                true,
                smtpHost,
                smtpPort,
                smtpSecurity,
                smtpUsername,
                sealedPassword != null,
                fromAddress,
                fromName,
                replyDomain,
                ratePerMinute,
                updatedAt);
    }

    /** The sender settings as the API shows them: the password only as whether one is set. */
    record EmailSettingsView(
            boolean configured,
            String smtpHost,
            Integer smtpPort,
            String smtpSecurity,
            String smtpUsername,
            boolean passwordSet,
            String fromAddress,
            String fromName,
            String replyDomain,
            Integer ratePerMinute,
            Instant updatedAt) {

        static final EmailSettingsView NONE =
                new EmailSettingsView(false, null, 587, "starttls", null, false, null, null, null, 60, null);
    }
}
