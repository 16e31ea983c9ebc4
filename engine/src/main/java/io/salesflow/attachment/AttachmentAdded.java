package io.salesflow.attachment;

import java.util.UUID;

/** A file was attached to a record. */
public record AttachmentAdded(
        UUID tenantId,
        UUID attachmentId,
        String recordType,
        UUID recordId,
        String filename,
        String contentType,
        long size,
        UUID uploadedBy) {}
