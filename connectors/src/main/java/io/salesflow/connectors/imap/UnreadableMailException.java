package io.salesflow.connectors.imap;

/** A message whose MIME structure cannot be read; it is quarantined, and the mailbox goes on. */
public class UnreadableMailException extends Exception {

    public UnreadableMailException(String message, Throwable cause) {
        super(message, cause);
    }
}
