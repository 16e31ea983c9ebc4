package io.salesflow.imports;

import io.salesflow.identity.UserView;
import io.salesflow.identity.Users;
import io.salesflow.platform.database.TransactionBatch;
import io.salesflow.platform.problem.Problem;
import io.salesflow.records.RecordService;
import io.salesflow.records.SearchWords;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports one chunk of rows, each row through the record service's own create (or, for a duplicate to merge,
 * change) use case, so every row gets the API's validation, access checks, history, audit and events.
 *
 * <p>The chunk's rows run together in one transaction, until it has run for {@link ImportProperties#transactionTime}:
 * then the rows so far commit and the rest run in the next one, so what a row locks (a team's routing state, which a
 * web form's lead for the team waits for) is held that long at most, not for the whole chunk. The first row the service refuses spoils it (the service's
 * own transaction boundary marks it rollback-only), so it is rolled back and the chunk's rows are run through the
 * service's checks for a new record, writing nothing; the rows they refuse are reported and left out, and the rest
 * run again. A row the service still refuses (a conflict only the write finds) is rolled back likewise: the rows
 * before it run again in a transaction that commits, and the rows after it continue in the next one. Each commit
 * carries the progress and row errors of exactly the rows it settles, always a prefix of the file, so an
 * interrupted job resumes after its last commit. A clean chunk costs one transaction; a chunk with bad rows one
 * rollback and the check, however many they are. A dry run checks first, rolls every transaction back and keeps
 * only the counts and errors.
 */
@Component
class ChunkImporter {

    private static final Logger log = LoggerFactory.getLogger(ChunkImporter.class);

    private final Map<String, RecordService> services = new HashMap<>();
    private final Users users;
    private final ImportJobStore store;
    private final ImportProperties properties;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final SearchWords searchWords;

    @PersistenceContext
    private EntityManager entityManager;

    ChunkImporter(
            List<RecordService> services,
            Users users,
            ImportJobStore store,
            ImportProperties properties,
            PlatformTransactionManager transactionManager,
            JdbcTemplate jdbc,
            SearchWords searchWords) {
        services.forEach(s -> this.services.put(s.type().table(), s));
        this.users = users;
        this.store = store;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.searchWords = searchWords;
    }

    /** Thrown when the job was cancelled or taken over while the chunk ran: the uncommitted rows are dropped. */
    static final class JobStopped extends RuntimeException {
        JobStopped() {
            super("The import job was cancelled or taken over", null, false, false);
        }
    }

    /** The rows of one chunk with what the job knows so far; counts add up as commits happen. */
    private final class Chunk {
        final ImportJob job;
        final UUID worker;
        final RecordService service;
        final JobMemory memory;
        final Map<String, UUID> existing;
        final List<RowError> carriedErrors = new ArrayList<>();
        int carriedRows;
        int rows;
        int imported;
        int merged;
        int skipped;
        final List<RowError> errors = new ArrayList<>();
        /** Rows the service's checks refused before any write, by row number: they are errors if created. */
        final Map<Integer, RowError> refusedBeforehand = new HashMap<>();
        /** Whether the rows were checked: only once a row was refused, so a clean chunk pays no check. */
        boolean checked;

        Chunk(ImportJob job, UUID worker, JobMemory memory, Map<String, UUID> existing) {
            this.job = job;
            this.worker = worker;
            this.service = services.get(job.type().collection);
            this.memory = memory;
            this.existing = existing;
        }
    }

    /**
     * What running rows in one transaction came to: {@code ran} rows before the first refused one (all of them
     * when none was refused), their counts, errors found without the service, and the records their keys went to.
     */
    private record Attempt(
            int ran,
            RowError refusal,
            int imported,
            int merged,
            int skipped,
            List<RowError> errors,
            Map<String, UUID> keys) {}

    ChunkResult run(ImportJob job, UUID worker, ColumnMapping mapping, List<SourceRow> rows, JobMemory memory) {
        List<RowInput> inputs = new ArrayList<>(rows.size());
        rows.forEach(r -> inputs.add(RowInput.of(job.type(), mapping, r)));
        Map<String, UUID> existing = job.duplicates() == ImportJob.Duplicates.CREATE
                ? Map.of()
                : ExistingRecords.byKey(services.get(job.type().collection), job.type(), keys(inputs));
        Chunk chunk = new Chunk(job, worker, memory, existing);
        if (job.dryRun()) {
            check(chunk, inputs);
            tryOut(chunk, inputs);
        } else {
            try {
                settle(chunk, inputs);
            } finally {
                moveSearchWords();
            }
        }
        memory.chunkDone();
        return new ChunkResult(chunk.rows, chunk.imported, chunk.merged, chunk.skipped, chunk.errors);
    }

    /**
     * Runs every row through the service's checks for a new record in one transaction that is rolled back, so the
     * rows it refuses are set aside before the writes run again instead of each spoiling the chunk's transaction
     * (and costing the re-run of the rows before it). Rows refused only by the write (a conflict) still take that
     * path.
     */
    private void check(Chunk chunk, List<RowInput> inputs) {
        chunk.checked = true;
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            for (RowInput input : inputs) {
                if (resolveOwner(input, chunk.memory).isPresent()) {
                    continue;
                }
                try {
                    chunk.service.checkNew(input.body());
                } catch (Problem p) {
                    chunk.refusedBeforehand.put(
                            input.row().number(), RowError.of(input.row(), fieldOf(p), messageOf(p)));
                }
            }
            entityManager.clear();
        });
    }

    /** Commits {@code inputs} with whatever earlier rows wait to be recorded, setting refused rows aside. */
    private void settle(Chunk chunk, List<RowInput> inputs) {
        if (inputs.isEmpty() && chunk.carriedRows == 0) {
            return;
        }
        Attempt attempt = transactions.execute(status -> {
            Attempt a = attempt(chunk, inputs);
            if (a.refusal() != null) {
                status.setRollbackOnly();
                return a;
            }
            record(chunk, a.ran(), a);
            return a;
        });
        if (attempt.refusal() == null) {
            if (attempt.ran() < inputs.size()) {
                settle(chunk, inputs.subList(attempt.ran(), inputs.size()));
            }
            return;
        }
        if (!chunk.checked) {
            check(chunk, inputs);
            settle(chunk, inputs);
            return;
        }
        settle(chunk, inputs.subList(0, attempt.ran()));
        chunk.carriedErrors.add(attempt.refusal());
        chunk.carriedRows++;
        settle(chunk, inputs.subList(attempt.ran() + 1, inputs.size()));
    }

    /** A dry run: the rows run and are rolled back, transaction by transaction; counts and errors are kept. */
    private void tryOut(Chunk chunk, List<RowInput> inputs) {
        List<RowInput> rest = inputs;
        while (true) {
            List<RowInput> batch = rest;
            Attempt attempt = transactions.execute(status -> {
                status.setRollbackOnly();
                return attempt(chunk, batch);
            });
            attempt.keys().keySet().forEach(key -> chunk.memory.remember(key, JobMemory.WOULD_EXIST));
            List<RowError> errors = new ArrayList<>(attempt.errors());
            int settled = attempt.ran();
            if (attempt.refusal() != null) {
                errors.add(attempt.refusal());
                settled++;
            }
            Attempt tried = new Attempt(
                    settled, null, attempt.imported(), attempt.merged(), attempt.skipped(), errors, attempt.keys());
            transactions.executeWithoutResult(s -> record(chunk, tried.ran(), tried));
            if (attempt.refusal() == null && settled == batch.size()) {
                return;
            }
            rest = rest.subList(settled, rest.size());
        }
    }

    /** Records, in the current transaction, the progress of {@code rows} rows plus the rows carried so far. */
    private void record(Chunk chunk, int rows, Attempt attempt) {
        List<RowError> errors = new ArrayList<>(chunk.carriedErrors);
        errors.addAll(attempt.errors());
        ChunkResult result = new ChunkResult(
                chunk.carriedRows + rows, attempt.imported(), attempt.merged(), attempt.skipped(), errors);
        if (!store.progress(chunk.job.id(), chunk.worker, result, properties.lease())) {
            throw new JobStopped();
        }
        store.addErrors(chunk.job.id(), errors);
        if (!chunk.job.dryRun()) {
            chunk.memory.rememberAll(attempt.keys());
        }
        chunk.rows += result.rows();
        chunk.imported += result.imported();
        chunk.merged += result.merged();
        chunk.skipped += result.skipped();
        chunk.errors.addAll(errors);
        chunk.carriedErrors.clear();
        chunk.carriedRows = 0;
    }

    /**
     * The chunk's committed words into the search dictionary. Failing here loses nothing: the words stay pending for
     * the next chunk, of this job or another, and only prefix and typo search miss a word new to the workspace.
     */
    private void moveSearchWords() {
        try {
            searchWords.movePending();
        } catch (DataAccessException e) {
            log.warn("Search words of an import chunk stay pending until the next chunk: {}", e.getMessage());
        }
    }

    /**
     * Runs rows in the current transaction until the service refuses one or the transaction has run for the
     * configured time ({@link ImportProperties#transactionTime}); then {@code ran} is less than the rows given, without
     * a refusal.
     */
    private Attempt attempt(Chunk chunk, List<RowInput> inputs) {
        long deadline = System.nanoTime() + properties.transactionTime().toNanos();
        TransactionBatch.collect(jdbc);
        // held to commit by the chunk, a new word's dictionary key would hold up every other record with the word
        searchWords.deferInThisTransaction();
        ImportableType type = chunk.job.type();
        ImportJob.Duplicates policy = chunk.job.duplicates();
        Map<String, UUID> keys = new HashMap<>();
        List<RowError> errors = new ArrayList<>();
        int imported = 0;
        int merged = 0;
        int skipped = 0;
        for (int i = 0; i < inputs.size(); i++) {
            if (i > 0 && System.nanoTime() - deadline > 0) {
                return new Attempt(i, null, imported, merged, skipped, errors, keys);
            }
            RowInput input = inputs.get(i);
            Optional<RowError> ownerError = resolveOwner(input, chunk.memory);
            if (ownerError.isPresent()) {
                errors.add(ownerError.get());
                continue;
            }
            UUID duplicate = policy == ImportJob.Duplicates.CREATE ? null : duplicateOf(input, chunk, keys);
            if (duplicate != null && policy == ImportJob.Duplicates.SKIP) {
                skipped++;
                continue;
            }
            if (duplicate == JobMemory.WOULD_EXIST) {
                merged++;
                continue;
            }
            if (duplicate == null
                    && chunk.refusedBeforehand.containsKey(input.row().number())) {
                errors.add(chunk.refusedBeforehand.get(input.row().number()));
                continue;
            }
            String context = duplicate == null ? "" : "merging into " + type.recordName + " " + duplicate + ": ";
            RowError refusal = null;
            try {
                UUID record;
                if (duplicate == null) {
                    record = chunk.service.add(input.body());
                } else {
                    chunk.service.change(duplicate, input.mergeBody(type), null);
                    record = duplicate;
                }
                entityManager.flush();
                if (duplicate == null) {
                    imported++;
                } else {
                    merged++;
                }
                input.duplicateKeys().forEach(k -> keys.put(k, record));
            } catch (Problem p) {
                refusal = RowError.of(input.row(), fieldOf(p), context + messageOf(p));
            } catch (DataIntegrityViolationException e) {
                refusal = RowError.of(input.row(), null, context + "conflicts with existing data");
            } catch (OptimisticLockingFailureException e) {
                refusal = RowError.of(input.row(), null, context + "the record changed meanwhile; import it again");
            } finally {
                entityManager.clear();
            }
            if (refusal != null) {
                return new Attempt(i, refusal, imported, merged, skipped, errors, keys);
            }
        }
        return new Attempt(inputs.size(), null, imported, merged, skipped, errors, keys);
    }

    private Optional<RowError> resolveOwner(RowInput input, JobMemory memory) {
        String email = input.ownerEmail();
        if (email == null) {
            return Optional.empty();
        }
        Optional<UUID> owner = memory.owner(email.toLowerCase(Locale.ROOT), key -> users.byEmail(key)
                .filter(u -> u.status().equals("ACTIVE"))
                .map(UserView::id));
        if (owner.isEmpty()) {
            return Optional.of(RowError.of(input.row(), "ownerEmail", "no active user has the email " + email));
        }
        input.body().put("ownerId", owner.get().toString());
        return Optional.empty();
    }

    /** The record a row duplicates: one made earlier in this attempt, in this file, or already there. */
    private static UUID duplicateOf(RowInput input, Chunk chunk, Map<String, UUID> attemptKeys) {
        for (String key : input.duplicateKeys()) {
            UUID earlier = attemptKeys.get(key);
            if (earlier == null) {
                earlier = chunk.memory.recordFor(key);
            }
            if (earlier == null) {
                earlier = chunk.existing.get(key);
            }
            if (earlier != null) {
                return earlier;
            }
        }
        return null;
    }

    private static Set<String> keys(List<RowInput> inputs) {
        Set<String> keys = new LinkedHashSet<>();
        inputs.forEach(i -> keys.addAll(i.duplicateKeys()));
        return keys;
    }

    private static String fieldOf(Problem p) {
        if (!p.fieldErrors().isEmpty()) {
            return p.fieldErrors().get(0).field();
        }
        Object field = p.properties().get("field");
        return field == null ? null : field.toString();
    }

    private static String messageOf(Problem p) {
        return p.fieldErrors().isEmpty()
                ? p.getMessage()
                : p.fieldErrors().get(0).message();
    }
}
