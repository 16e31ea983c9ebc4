package io.salesflow.attachment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Attachment metadata rows of the current tenant (row-level security scopes every statement). */
@Repository
class AttachmentRepository {

    private static final String COLUMNS =
            "id, record_type, record_id, filename, content_type, size_bytes, sha256, uploaded_by, created_at";

    private final JdbcTemplate jdbc;

    AttachmentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the row; the database sets the creation time, which the returned attachment carries. */
    Attachment insert(UUID tenantId, Attachment a) {
        return jdbc.queryForObject(
                "INSERT INTO attachments (tenant_id, id, record_type, record_id, filename, content_type, size_bytes,"
                        + " sha256, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS,
                AttachmentRepository::map,
                tenantId,
                a.id(),
                a.recordType(),
                a.recordId(),
                a.filename(),
                a.contentType(),
                a.size(),
                a.sha256(),
                a.uploadedBy());
    }

    Optional<Attachment> find(UUID id) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM attachments WHERE id = ?", AttachmentRepository::map, id)
                .stream()
                .findFirst();
    }

    /** A record's attachments, newest first, after the given position when there is one. */
    List<Attachment> ofRecord(String recordType, UUID recordId, Instant afterCreatedAt, UUID afterId, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM attachments WHERE record_type = ? AND record_id = ?"
                        + " AND (?::timestamptz IS NULL OR (created_at, id) < (?::timestamptz, ?::uuid))"
                        + " ORDER BY created_at DESC, id DESC LIMIT ?",
                AttachmentRepository::map,
                recordType,
                recordId,
                timestamp(afterCreatedAt),
                timestamp(afterCreatedAt),
                afterId,
                limit);
    }

    List<UUID> idsOfRecords(String recordType, List<UUID> recordIds) {
        return jdbc.queryForList(
                "SELECT id FROM attachments WHERE record_type = ? AND record_id = ANY (?)",
                UUID.class,
                recordType,
                recordIds.toArray(UUID[]::new));
    }

    /** Hands the attachments of {@code from} records to record {@code to}; answers each moved one's id and record. */
    List<Moved> move(String recordType, List<UUID> from, UUID to) {
        return jdbc.query(
                "UPDATE attachments a SET record_id = ? FROM (SELECT id, record_id FROM attachments"
                        + " WHERE record_type = ? AND record_id = ANY (?)) o WHERE a.id = o.id RETURNING a.id, o.record_id",
                (rs, n) -> new Moved(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                to,
                recordType,
                from.toArray(UUID[]::new));
    }

    record Moved(UUID id, UUID fromRecordId) {}

    void delete(UUID id) {
        jdbc.update("DELETE FROM attachments WHERE id = ?", id);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Attachment map(ResultSet rs, int row) throws SQLException {
        return new Attachment(
                rs.getObject("id", UUID.class),
                rs.getString("record_type"),
                rs.getObject("record_id", UUID.class),
                rs.getString("filename"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getString("sha256"),
                rs.getObject("uploaded_by", UUID.class),
                rs.getTimestamp("created_at").toInstant());
    }
}
