package io.salesflow.connectors.mail;

/**
 * A workspace's outgoing mail server, handed to the {@code smtp-send} route with each message (never in an endpoint
 * URI). {@link #toString()} leaves the password out, so the server can be logged.
 *
 * @param username null when the server takes mail without a login
 * @param password null when the server takes mail without a login
 */
public record SmtpServer(String host, int port, Security security, String username, String password) {

    /** How the connection is protected. */
    public enum Security {
        /** Plain SMTP (a relay on the local network, a test server). */
        NONE,
        /** Plain connection upgraded with STARTTLS; refused when the server does not offer it. */
        STARTTLS,
        /** TLS from the first byte (SMTPS, usually port 465). */
        SSL_TLS
    }

    @Override
    public String toString() {
        return "SmtpServer[" + host + ":" + port + ", " + security + (username == null ? "" : ", user " + username)
                + "]";
    }
}
