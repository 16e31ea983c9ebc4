package io.salesflow.imports;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** An import as stored: what it reads, how, who started it, and how far it has come. */
record ImportJob(
        UUID id,
        ImportableType type,
        FileFormat format,
        String filename,
        List<String> columns,
        Map<String, String> mapping,
        boolean dryRun,
        Duplicates duplicates,
        Status status,
        String failure,
        Integer totalRows,
        int processedRows,
        int imported,
        int merged,
        int skipped,
        int failed,
        UUID createdBy,
        String actorType,
        UUID actorId,
        Set<String> permissions,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    /** What to do with a row whose email (domain, for accounts) a record already has. */
    enum Duplicates {
        CREATE,
        SKIP,
        MERGE;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    enum Status {
        QUEUED,
        RUNNING,
        COMPLETED,
        FAILED,
        CANCELLED;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean isFinished() {
            return this == COMPLETED || this == FAILED || this == CANCELLED;
        }
    }

    /** Whole percent of the rows done; a finished job is at 100. */
    int percent() {
        if (status == Status.COMPLETED || totalRows == null || totalRows == 0) {
            return status == Status.COMPLETED ? 100 : 0;
        }
        return (int) Math.min(100, (long) processedRows * 100 / totalRows);
    }
}
