package io.salesflow.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.audit.AuditLog;
import io.salesflow.identity.Caller;
import io.salesflow.platform.input.TimeRange;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.request.RequestContext;
import io.salesflow.platform.web.CursorPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import use cases for the calling user: start an import (the file is checked, its columns mapped, and the job
 * queued), follow its progress, read its row errors and download its failed rows, cancel it. Jobs are visible
 * to whoever may write their record type in the scope that covers the job's starter.
 */
@Service
public class Imports {

    private final ImportJobStore store;
    private final ImportRunner runner;
    private final AuditLog audit;
    private final ImportProperties properties;
    private final ObjectMapper objectMapper;
    private final TransactionTemplate transactions;

    Imports(
            ImportJobStore store,
            ImportRunner runner,
            AuditLog audit,
            ImportProperties properties,
            ObjectMapper objectMapper,
            PlatformTransactionManager transactionManager) {
        this.store = store;
        this.runner = runner;
        this.audit = audit;
        this.properties = properties;
        this.objectMapper = objectMapper;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Checks the upload, stores the job with its file and queues it; the rows are read in the background. With an
     * {@code Idempotency-Key} that this principal used before, the first job is the answer (a different upload
     * under the same key is a 422).
     */
    public ImportView.Started start(ImportView.Upload upload) {
        Caller caller = Caller.require();
        RequestContext.Actor actor = RequestContext.actor();
        String key = idempotencyKey(upload.idempotencyKey());
        String hash = hash(upload);
        if (key != null) {
            Optional<ImportView.Started> earlier = earlier(actor, key, hash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        ImportableType type = ImportableType.of(upload.recordType() == null ? "" : upload.recordType())
                .orElseThrow(() -> Problem.invalid("recordType", "must be one of leads, contacts, accounts"));
        if (!caller.can(type.writePermission())) {
            throw Problem.forbidden("Your role does not allow creating " + type.recordName + " records");
        }
        ImportJob.Duplicates duplicates = duplicates(upload.duplicates());
        if (upload.files() > 1) {
            throw Problem.invalid("file", "must be one file: send one part 'file' per import");
        }
        byte[] content = upload.content();
        if (content == null || content.length == 0) {
            throw Problem.invalid("file", "is missing or empty");
        }
        FileFormat format = FileFormat.detect(upload.filename(), content);
        Map<String, String> requested = mapping(upload.mapping());
        List<String> header;
        try (RowReader reader = RowReader.open(format, content, properties)) {
            header = reader.header();
        } catch (IOException e) {
            throw Problem.invalid("file", "could not be read");
        }
        ColumnMapping mapping = ColumnMapping.resolve(type, header, requested);
        ImportJob job = new ImportJob(
                UUID.randomUUID(),
                type,
                format,
                filename(upload.filename(), format),
                header,
                mapping.asMap(),
                upload.dryRun(),
                duplicates,
                ImportJob.Status.QUEUED,
                null,
                null,
                0,
                0,
                0,
                0,
                0,
                caller.userId(),
                actor.type().name(),
                actor.id(),
                caller.permissions().keySet(),
                Instant.now(),
                null,
                null);
        ImportJob stored;
        try {
            stored = transactions.execute(s -> {
                store.insert(job, content, key, hash);
                ImportJob saved = store.find(job.id()).orElseThrow();
                audit.record("import.started", "import", job.id(), null, ImportView.of(saved));
                return saved;
            });
        } catch (DuplicateKeyException e) {
            // The same key arrived twice at once: the other request's job is the answer.
            return earlier(actor, key, hash).orElseThrow(() -> e);
        }
        runner.submit(job.id());
        return new ImportView.Started(ImportView.of(stored), false);
    }

    private Optional<ImportView.Started> earlier(RequestContext.Actor actor, String key, String hash) {
        return transactions.execute(s -> store.byKey(actor.id(), key).map(keyed -> {
            if (!keyed.requestHash().equals(hash)) {
                throw new Problem(
                        422,
                        "idempotency-key-reused",
                        "Idempotency key reused",
                        "This Idempotency-Key was used for a different upload; use a new key for a new request");
            }
            return new ImportView.Started(ImportView.of(store.find(keyed.id()).orElseThrow()), true);
        }));
    }

    private static String idempotencyKey(String header) {
        if (header == null) {
            return null;
        }
        String key = header.trim();
        if (key.isEmpty() || key.length() > 255) {
            throw Problem.invalid("Idempotency-Key", "must have 1 to 255 characters");
        }
        return key;
    }

    /** What identifies an upload: its form fields and its file. */
    private static String hash(ImportView.Upload upload) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String fields = String.join(
                    "\n",
                    String.valueOf(upload.recordType()),
                    String.valueOf(upload.filename()),
                    String.valueOf(upload.mapping()),
                    String.valueOf(upload.dryRun()),
                    String.valueOf(upload.duplicates()));
            digest.update(fields.getBytes(StandardCharsets.UTF_8));
            if (upload.content() != null) {
                digest.update(upload.content());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(readOnly = true)
    public ImportView get(UUID id) {
        return ImportView.of(visible(id));
    }

    @Transactional(readOnly = true)
    public CursorPage<ImportView> list(String cursor, int limit) {
        ImportAccess access = ImportAccess.of(Caller.require());
        Instant beforeCreated = null;
        UUID beforeId = null;
        String key = CursorPage.decode(cursor);
        if (key != null) {
            try {
                String[] parts = key.split("\\|", 2);
                beforeCreated = TimeRange.check("cursor", Instant.parse(parts[0]));
                beforeId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw Problem.invalid("cursor", "is not a cursor this API returned");
            }
        }
        List<ImportJob> jobs = store.list(access.sql(), access.params(), beforeCreated, beforeId, limit + 1);
        CursorPage<ImportJob> page = CursorPage.of(jobs, limit, j -> j.createdAt() + "|" + j.id());
        return new CursorPage<>(page.items().stream().map(ImportView::of).toList(), page.nextCursor());
    }

    @Transactional(readOnly = true)
    public CursorPage<ImportView.RowErrorView> errors(UUID id, String cursor, int limit) {
        ImportJob job = visible(id);
        List<RowError> errors = store.errors(id, CursorPage.decodeLong(cursor), limit + 1);
        CursorPage<RowError> page = CursorPage.of(errors, limit, e -> Long.toString(e.id()));
        return new CursorPage<>(
                page.items().stream()
                        .map(e ->
                                new ImportView.RowErrorView(e.row(), e.field(), columnOf(job, e.field()), e.message()))
                        .toList(),
                page.nextCursor());
    }

    /** The job's failed rows as CSV in the file's own columns plus {@code error}: fix them and import again. */
    @Transactional(readOnly = true)
    public void failedRows(UUID id, Writer out) {
        ImportJob job = visible(id);
        List<String> header = new ArrayList<>(job.columns());
        header.add("error");
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(header.stream().map(CsvCells::safe).toList());
            store.eachError(id, e -> {
                List<String> cells = new ArrayList<>(job.columns().size() + 1);
                for (int i = 0; i < job.columns().size(); i++) {
                    cells.add(CsvCells.safe(i < e.raw().size() ? e.raw().get(i) : ""));
                }
                cells.add(CsvCells.safe(e.field() == null ? e.message() : e.field() + ": " + e.message()));
                try {
                    csv.printRecord(cells);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops a job that has not finished; the chunks it committed stay. */
    @Transactional
    public ImportView cancel(UUID id) {
        ImportJob job = visible(id);
        if (!store.cancel(id)) {
            throw Problem.conflict("The import is already " + job.status().code());
        }
        audit.record("import.cancelled", "import", id, null, Map.of("processedRows", job.processedRows()));
        return ImportView.of(store.find(id).orElseThrow());
    }

    /** The export file name for a filename an upload gave, or a made-up one. */
    private static String filename(String given, FileFormat format) {
        if (given == null || given.isBlank()) {
            return "upload." + format.code();
        }
        String name = given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    private ImportJob visible(UUID id) {
        return store.find(id, ImportAccess.of(Caller.require())).orElseThrow(() -> Problem.notFound("Import", id));
    }

    private static String columnOf(ImportJob job, String field) {
        if (field == null) {
            return null;
        }
        String base = field.replaceFirst("\\[\\d+]$", "");
        if (base.equals("ownerId") && job.mapping().containsValue("ownerEmail")) {
            base = "ownerEmail";
        }
        for (Map.Entry<String, String> m : job.mapping().entrySet()) {
            if (m.getValue().equals(base)) {
                return m.getKey();
            }
        }
        return null;
    }

    private static ImportJob.Duplicates duplicates(String value) {
        if (value == null || value.isBlank()) {
            return ImportJob.Duplicates.CREATE;
        }
        return Arrays.stream(ImportJob.Duplicates.values())
                .filter(d -> d.code().equals(value.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> Problem.invalid("duplicates", "must be one of create, skip, merge"));
    }

    private Map<String, String> mapping(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return objectMapper.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw Problem.invalid(
                    "mapping", "must be a JSON object of column name to field, e.g. {\"E-mail\":\"email\"}");
        }
    }
}
