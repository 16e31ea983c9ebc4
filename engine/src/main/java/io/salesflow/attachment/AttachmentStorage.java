package io.salesflow.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * Where attachment contents are kept, by tenant and attachment id. Salesflow calls it inside the
 * transaction that writes or removes the attachment's metadata: PostgreSQL (the default) takes part in it;
 * a store outside the database (S3, a file system) should write at once, remove a written content again if
 * that transaction rolls back, and delete only once it has committed (Spring's
 * {@code TransactionSynchronization}). Choose one with {@code salesflow.attachments.storage}.
 */
public interface AttachmentStorage {

    /** Keeps {@code size} bytes read from {@code content} as the content of the attachment. */
    void store(UUID tenantId, UUID attachmentId, InputStream content, long size) throws IOException;

    /** The content; the stream stays readable after the calling transaction has ended. */
    InputStream open(UUID tenantId, UUID attachmentId) throws IOException;

    /** Removes the content; nothing happens when there is none. */
    void delete(UUID tenantId, UUID attachmentId) throws IOException;
}
