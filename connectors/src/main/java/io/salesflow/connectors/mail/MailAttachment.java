package io.salesflow.connectors.mail;

import java.util.Objects;

/**
 * A file sent with an email: a contract, an invoice.
 *
 * @param filename the name the recipient sees, without a path
 * @param contentType its MIME type, e.g. {@code application/pdf}
 */
public record MailAttachment(String filename, String contentType, byte[] content) {

    public MailAttachment {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }
}
