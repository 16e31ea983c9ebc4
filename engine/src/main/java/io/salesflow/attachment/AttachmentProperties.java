package io.salesflow.attachment;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSize the largest file accepted
 * @param allowedTypes the media types accepted, each one {@link AttachmentType} knows how to recognise
 * @param storage where contents are kept: {@code postgres} (the attachment_contents table) unless another
 *     {@link AttachmentStorage} is installed under another name
 */
@ConfigurationProperties("salesflow.attachments")
public record AttachmentProperties(
        @DefaultValue("10MB") DataSize maxSize,
        @DefaultValue({
                    "application/pdf",
                    "image/png",
                    "image/jpeg",
                    "image/gif",
                    "image/webp",
                    "text/plain",
                    "text/csv",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                    "application/msword",
                    "application/vnd.ms-excel",
                    "application/vnd.ms-powerpoint",
                    "message/rfc822"
                })
                List<String> allowedTypes,
        @DefaultValue("postgres") String storage) {

    public AttachmentProperties {
        if (maxSize.toBytes() < 1) {
            throw new IllegalArgumentException("salesflow.attachments.max-size must be at least 1 byte");
        }
        for (String type : allowedTypes) {
            if (AttachmentType.ofMediaType(type).isEmpty()) {
                throw new IllegalArgumentException("salesflow.attachments.allowed-types: " + type
                        + " is not a type Salesflow can check; known: " + AttachmentType.known());
            }
        }
        allowedTypes = List.copyOf(allowedTypes);
    }
}
