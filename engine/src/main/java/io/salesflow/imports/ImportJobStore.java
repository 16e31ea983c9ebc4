package io.salesflow.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.tenancy.TenantContext;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Import jobs, their files and their row errors in the current tenant. Progress is written only by the worker
 * holding the job's lease, in the transaction of the rows it reports.
 */
@Component
class ImportJobStore {

    private static final String COLUMNS =
            """
            id, record_type, format, filename, columns::text, mapping::text, dry_run, duplicates, status, failure,
            total_rows, processed_rows, imported, merged, skipped, failed, created_by, actor_type, actor_id,
            permissions, created_at, started_at, finished_at
            """;

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    ImportJobStore(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /** A job started with an {@code Idempotency-Key}, and the hash of the upload that started it. */
    record Keyed(UUID id, String requestHash) {}

    void insert(ImportJob job, byte[] content, String idempotencyKey, String requestHash) {
        jdbc.update(
                """
                INSERT INTO import_jobs (tenant_id, id, record_type, format, filename, columns, mapping, dry_run,
                                         duplicates, created_by, actor_type, actor_id, permissions, idempotency_key,
                                         request_hash)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                TenantContext.require(),
                job.id(),
                job.type().collection,
                job.format().code(),
                job.filename(),
                json(job.columns()),
                json(job.mapping()),
                job.dryRun(),
                job.duplicates().code(),
                job.createdBy(),
                job.actorType(),
                job.actorId(),
                job.permissions().toArray(String[]::new),
                idempotencyKey,
                requestHash);
        jdbc.update(
                "INSERT INTO import_files (tenant_id, job_id, content) VALUES (?, ?, ?)",
                TenantContext.require(),
                job.id(),
                content);
    }

    Optional<Keyed> byKey(UUID actor, String idempotencyKey) {
        return jdbc
                .query(
                        "SELECT id, request_hash FROM import_jobs WHERE actor_id = ? AND idempotency_key = ?",
                        (rs, n) -> new Keyed(rs.getObject(1, UUID.class), rs.getString(2)),
                        actor,
                        idempotencyKey)
                .stream()
                .findFirst();
    }

    Optional<ImportJob> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM import_jobs WHERE id = ?", this::job, id).stream()
                .findFirst();
    }

    /** The job if {@code access} lets the caller see it. */
    Optional<ImportJob> find(UUID id, ImportAccess access) {
        List<Object> args = new ArrayList<>();
        args.add(id);
        args.addAll(access.params());
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM import_jobs WHERE id = ? AND (" + access.sql() + ")",
                        this::job,
                        args.toArray())
                .stream()
                .findFirst();
    }

    /** Jobs matching {@code visible} (SQL over the job's columns), newest first, after the cursor job. */
    List<ImportJob> list(String visible, List<Object> params, Instant beforeCreated, UUID beforeId, int limit) {
        Object[] args = new Object[params.size() + 4];
        for (int i = 0; i < params.size(); i++) {
            args[i] = params.get(i);
        }
        Timestamp before = beforeCreated == null ? null : Timestamp.from(beforeCreated);
        args[params.size()] = before;
        args[params.size() + 1] = before;
        args[params.size() + 2] = beforeId;
        args[params.size() + 3] = limit;
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM import_jobs WHERE (" + visible + ")"
                        + " AND (?::timestamptz IS NULL OR (created_at, id) < (?, ?))"
                        + " ORDER BY created_at DESC, id DESC LIMIT ?",
                this::job,
                args);
    }

    byte[] content(UUID id) {
        return jdbc.queryForObject("SELECT content FROM import_files WHERE job_id = ?", byte[].class, id);
    }

    /** Takes the job for {@code worker} if it waits, or if the worker that ran it stopped renewing its lease. */
    boolean claim(UUID id, UUID worker, Duration lease) {
        return jdbc.update(
                        """
                        UPDATE import_jobs
                        SET status = 'running', worker = ?, lease_until = now() + ?::interval,
                            started_at = coalesce(started_at, now()), updated_at = now()
                        WHERE id = ? AND (status = 'queued' OR (status = 'running' AND lease_until < now()))
                        """,
                        worker,
                        lease.toSeconds() + " seconds",
                        id)
                == 1;
    }

    /** Jobs of the current tenant that wait for a worker or whose worker stopped. */
    List<UUID> resumable() {
        return jdbc.queryForList(
                """
                SELECT id FROM import_jobs
                WHERE status = 'queued' OR (status = 'running' AND lease_until < now())
                ORDER BY created_at
                """,
                UUID.class);
    }

    boolean total(UUID id, UUID worker, int total) {
        return jdbc.update(
                        "UPDATE import_jobs SET total_rows = ?, updated_at = now() WHERE id = ? AND worker = ?"
                                + " AND status = 'running'",
                        total,
                        id,
                        worker)
                == 1;
    }

    /**
     * Adds a chunk's counts and renews the lease; false when the job was cancelled or taken over meanwhile, and
     * the chunk must not commit.
     */
    boolean progress(UUID id, UUID worker, ChunkResult chunk, Duration lease) {
        return jdbc.update(
                        """
                        UPDATE import_jobs
                        SET processed_rows = processed_rows + ?, imported = imported + ?, merged = merged + ?,
                            skipped = skipped + ?, failed = failed + ?, lease_until = now() + ?::interval,
                            updated_at = now()
                        WHERE id = ? AND worker = ? AND status = 'running'
                        """,
                        chunk.rows(),
                        chunk.imported(),
                        chunk.merged(),
                        chunk.skipped(),
                        chunk.errors().size(),
                        lease.toSeconds() + " seconds",
                        id,
                        worker)
                == 1;
    }

    /** Ends a running job of {@code worker} and drops its file: it will not be read again. */
    boolean finish(UUID id, UUID worker, ImportJob.Status status, String failure) {
        int updated = jdbc.update(
                """
                UPDATE import_jobs
                SET status = ?, failure = ?, finished_at = now(), updated_at = now(), worker = NULL,
                    lease_until = NULL
                WHERE id = ? AND worker = ? AND status = 'running'
                """,
                status.code(),
                failure,
                id,
                worker);
        if (updated == 1) {
            jdbc.update("DELETE FROM import_files WHERE job_id = ?", id);
        }
        return updated == 1;
    }

    boolean cancel(UUID id) {
        int updated = jdbc.update(
                """
                UPDATE import_jobs
                SET status = 'cancelled', finished_at = now(), updated_at = now(), worker = NULL, lease_until = NULL
                WHERE id = ? AND status IN ('queued', 'running')
                """,
                id);
        if (updated == 1) {
            jdbc.update("DELETE FROM import_files WHERE job_id = ?", id);
        }
        return updated == 1;
    }

    void addErrors(UUID job, List<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        UUID tenant = TenantContext.require();
        jdbc.batchUpdate(
                """
                INSERT INTO import_row_errors (tenant_id, job_id, row_number, field, message, raw)
                VALUES (?, ?, ?, ?, ?, ?::jsonb)
                """,
                errors.stream()
                        .map(e -> new Object[] {tenant, job, e.row(), e.field(), e.message(), json(e.raw())})
                        .toList());
    }

    List<RowError> errors(UUID job, Long afterId, int limit) {
        return jdbc.query(
                """
                SELECT id, row_number, field, message, raw::text FROM import_row_errors
                WHERE job_id = ? AND (?::bigint IS NULL OR id > ?)
                ORDER BY id LIMIT ?
                """,
                this::error,
                job,
                afterId,
                afterId,
                limit);
    }

    /** Every row error of the job in row order, handed over one by one. */
    void eachError(UUID job, Consumer<RowError> consumer) {
        jdbc.query(
                """
                SELECT id, row_number, field, message, raw::text FROM import_row_errors
                WHERE job_id = ? ORDER BY row_number, id
                """,
                (RowCallbackHandler) rs -> consumer.accept(error(rs, 0)),
                job);
    }

    private RowError error(ResultSet rs, int n) throws SQLException {
        return new RowError(
                rs.getLong(1),
                rs.getInt(2),
                rs.getString(3),
                rs.getString(4),
                read(rs.getString(5), new TypeReference<List<String>>() {}));
    }

    private ImportJob job(ResultSet rs, int n) throws SQLException {
        Array permissions = rs.getArray("permissions");
        Integer total = rs.getObject("total_rows") == null ? null : rs.getInt("total_rows");
        List<String> columns = read(rs.getString("columns"), new TypeReference<List<String>>() {});
        Map<String, String> stored = read(rs.getString("mapping"), new TypeReference<Map<String, String>>() {});
        // jsonb keeps no key order: show the mapping in the file's column order.
        Map<String, String> mapping = new LinkedHashMap<>();
        columns.stream().filter(stored::containsKey).forEach(c -> mapping.put(c, stored.get(c)));
        return new ImportJob(
                rs.getObject("id", UUID.class),
                ImportableType.of(rs.getString("record_type")).orElseThrow(),
                FileFormat.of(rs.getString("format")),
                rs.getString("filename"),
                columns,
                mapping,
                rs.getBoolean("dry_run"),
                ImportJob.Duplicates.valueOf(rs.getString("duplicates").toUpperCase()),
                ImportJob.Status.valueOf(rs.getString("status").toUpperCase()),
                rs.getString("failure"),
                total,
                rs.getInt("processed_rows"),
                rs.getInt("imported"),
                rs.getInt("merged"),
                rs.getInt("skipped"),
                rs.getInt("failed"),
                rs.getObject("created_by", UUID.class),
                rs.getString("actor_type"),
                rs.getObject("actor_id", UUID.class),
                new LinkedHashSet<>(Arrays.asList((String[]) permissions.getArray())),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return objectMapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
