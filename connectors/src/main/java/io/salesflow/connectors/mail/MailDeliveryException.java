package io.salesflow.connectors.mail;

/**
 * A message the mail server did not take. {@link Kind#PERMANENT}: it refused it for good (a 5xx answer, an address
 * it will never accept), sending it again is pointless; {@link Kind#TRANSIENT}: try later (a 4xx answer, no
 * connection, a timeout); {@link Kind#CIRCUIT_OPEN}: not attempted, the route stopped calling a failing server for
 * a while.
 */
public class MailDeliveryException extends RuntimeException {

    /** What a retry could change. */
    public enum Kind {
        PERMANENT,
        TRANSIENT,
        CIRCUIT_OPEN
    }

    private final Kind kind;

    public MailDeliveryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
