package io.salesflow.imports;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An import job as the API shows it: what it reads and how far it has come. */
public record ImportView(
        UUID id,
        String recordType,
        String format,
        String filename,
        String status,
        boolean dryRun,
        String duplicates,
        Map<String, String> mapping,
        Integer totalRows,
        int processedRows,
        int imported,
        int merged,
        int skipped,
        int failed,
        int percent,
        String failure,
        UUID createdBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    static ImportView of(ImportJob job) {
        return new ImportView(
                job.id(),
                job.type().collection,
                job.format().code(),
                job.filename(),
                job.status().code(),
                job.dryRun(),
                job.duplicates().code(),
                job.mapping(),
                job.totalRows(),
                job.processedRows(),
                job.imported(),
                job.merged(),
                job.skipped(),
                job.failed(),
                job.percent(),
                job.failure(),
                job.createdBy(),
                job.createdAt(),
                job.startedAt(),
                job.finishedAt());
    }

    /** One row that was not imported: its number as a spreadsheet shows it, the field and column at fault. */
    public record RowErrorView(int row, String field, String column, String message) {}

    /**
     * What an upload asks for; {@code mapping} is a JSON object of column name to field, or null to map by name;
     * {@code idempotencyKey} (optional) makes a repeated upload find its first job instead of starting another;
     * {@code files} is how many file parts the request had (only one is read).
     */
    public record Upload(
            String recordType,
            String filename,
            byte[] content,
            String mapping,
            boolean dryRun,
            String duplicates,
            String idempotencyKey,
            int files) {}

    /** The job an upload started, or found again for a repeated {@code Idempotency-Key}. */
    public record Started(ImportView job, boolean replayed) {}
}
