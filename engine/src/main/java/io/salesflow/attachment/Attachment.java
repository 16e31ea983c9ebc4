package io.salesflow.attachment;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What is known about an attached file; its content is read separately.
 *
 * @param recordType the record type's name, e.g. {@code account}
 * @param sha256 the hex SHA-256 of the content, also its ETag
 */
public record Attachment(
        UUID id,
        String recordType,
        UUID recordId,
        String filename,
        String contentType,
        long size,
        String sha256,
        UUID uploadedBy,
        Instant createdAt) {

    /** Where its content is downloaded. */
    @JsonProperty
    public String contentUrl() {
        return "/api/v1/attachments/" + id + "/content";
    }

    /** The state the audit log keeps. */
    Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("recordType", recordType);
        s.put("recordId", recordId);
        s.put("filename", filename);
        s.put("contentType", contentType);
        s.put("size", size);
        s.put("sha256", sha256);
        s.put("uploadedBy", uploadedBy);
        return s;
    }
}
