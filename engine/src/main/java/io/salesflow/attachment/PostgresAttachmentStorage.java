package io.salesflow.attachment;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps contents in the {@code attachment_contents} table, in the transaction of the metadata and behind
 * the same row-level security. The driver streams the upload into the statement; a download is read into
 * memory, which the size limit keeps small.
 */
@Component
@ConditionalOnProperty(name = "salesflow.attachments.storage", havingValue = "postgres", matchIfMissing = true)
class PostgresAttachmentStorage implements AttachmentStorage {

    private final JdbcTemplate jdbc;

    PostgresAttachmentStorage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void store(UUID tenantId, UUID attachmentId, InputStream content, long size) {
        jdbc.update("INSERT INTO attachment_contents (tenant_id, id, content) VALUES (?, ?, ?)", ps -> {
            ps.setObject(1, tenantId);
            ps.setObject(2, attachmentId);
            ps.setBinaryStream(3, content, size);
        });
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public InputStream open(UUID tenantId, UUID attachmentId) throws FileNotFoundException {
        List<byte[]> content = jdbc.query(
                "SELECT content FROM attachment_contents WHERE tenant_id = ? AND id = ?",
                (rs, n) -> rs.getBytes(1),
                tenantId,
                attachmentId);
        if (content.isEmpty()) {
            throw new FileNotFoundException("No content for attachment " + attachmentId);
        }
        return new ByteArrayInputStream(content.get(0));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(UUID tenantId, UUID attachmentId) {
        jdbc.update("DELETE FROM attachment_contents WHERE tenant_id = ? AND id = ?", tenantId, attachmentId);
    }
}
