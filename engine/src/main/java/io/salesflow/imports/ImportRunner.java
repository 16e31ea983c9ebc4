package io.salesflow.imports;

import io.salesflow.audit.AuditLog;
import io.salesflow.identity.Caller;
import io.salesflow.identity.OnBehalf;
import io.salesflow.platform.database.PooledThreads;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.request.RequestContext;
import io.salesflow.platform.request.RequestMetadata;
import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs import jobs in the background, a few at a time ({@code salesflow.imports.workers}), chunk after chunk, as
 * the user who started them. A job is claimed with a lease its worker renews with every chunk; jobs that wait,
 * or whose worker stopped (a restart, a lost replica), are picked up again and resume after their last
 * committed chunk.
 */
@Component
class ImportRunner implements DisposableBean, PooledThreads {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportJobStore store;
    private final ChunkImporter chunks;
    private final OnBehalf onBehalf;
    private final Tenants tenants;
    private final AuditLog audit;
    private final ImportProperties properties;
    private final TransactionTemplate transactions;
    private final UUID worker = UUID.randomUUID();
    private final Set<UUID> submitted = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor;
    private volatile boolean stopping;

    ImportRunner(
            ImportJobStore store,
            ChunkImporter chunks,
            OnBehalf onBehalf,
            Tenants tenants,
            AuditLog audit,
            ImportProperties properties,
            PlatformTransactionManager transactionManager) {
        this.store = store;
        this.chunks = chunks;
        this.onBehalf = onBehalf;
        this.tenants = tenants;
        this.audit = audit;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(properties.workers(), r -> {
            Thread thread = new Thread(r, "import-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues a job of the current tenant for a worker (once, however often it is asked). */
    void submit(UUID job) {
        UUID tenant = TenantContext.require();
        if (stopping || !submitted.add(job)) {
            return;
        }
        executor.execute(() -> {
            try {
                TenantContext.runAs(tenant, () -> run(job));
            } finally {
                submitted.remove(job);
            }
        });
    }

    /** Picks up, in every tenant, jobs that wait for a worker or whose worker stopped renewing its lease. */
    @Scheduled(initialDelayString = "PT10S", fixedDelayString = "${salesflow.imports.resume-interval:PT30S}")
    public void resumeInterrupted() {
        tenants.all()
                .forEach(tenant -> TenantContext.runAs(
                        tenant.getId(), () -> inTransaction(store::resumable).forEach(this::submit)));
    }

    @Override
    public String threadsDescription() {
        return "import workers (salesflow.imports.workers)";
    }

    @Override
    public int threads() {
        return properties.workers();
    }

    @Override
    public void destroy() {
        stopping = true;
        executor.shutdownNow();
    }

    private void run(UUID id) {
        if (!inTransaction(() -> store.claim(id, worker, properties.lease()))) {
            return;
        }
        ImportJob job = inTransaction(() -> store.find(id)).orElseThrow();
        Optional<Caller> caller = inTransaction(() -> onBehalf.caller(job.createdBy(), job.permissions()));
        if (caller.isEmpty()) {
            finish(job, ImportJob.Status.FAILED, "the user who started the import is no longer active");
            return;
        }
        RequestContext.Actor actor = new RequestContext.Actor(
                RequestContext.Actor.Type.valueOf(job.actorType()),
                job.actorId(),
                caller.get().name());
        onBehalf.call(caller.get(), actor, new RequestMetadata("import:" + id, null, null), () -> {
            process(job);
            return null;
        });
    }

    private void process(ImportJob job) {
        try {
            byte[] content = inTransaction(() -> store.content(job.id()));
            int total = job.totalRows() != null ? job.totalRows() : count(job, content);
            if (total > properties.maxRows()) {
                finish(job, ImportJob.Status.FAILED, "the file has more than " + properties.maxRows() + " rows");
                return;
            }
            try (RowReader reader = RowReader.open(job.format(), content, properties)) {
                ColumnMapping mapping = ColumnMapping.stored(reader.header(), job.mapping());
                for (int i = 0; i < job.processedRows(); i++) {
                    reader.next();
                }
                JobMemory memory = new JobMemory(job.dryRun());
                List<SourceRow> rows;
                while (!(rows = nextChunk(reader)).isEmpty()) {
                    chunks.run(job, worker, mapping, rows, memory);
                }
            }
            finish(job, ImportJob.Status.COMPLETED, null);
        } catch (ChunkImporter.JobStopped e) {
            log.info("Import {} was cancelled or taken over by another worker", job.id());
        } catch (Problem e) {
            finish(job, ImportJob.Status.FAILED, e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (stopping) {
                log.info("Import {} stops with the application; it resumes after the restart", job.id());
                return;
            }
            log.error("Import {} failed", job.id(), e);
            finish(job, ImportJob.Status.FAILED, "the import stopped on an unexpected error; start it again");
        }
    }

    private int count(ImportJob job, byte[] content) throws IOException {
        int total = 0;
        try (RowReader reader = RowReader.open(job.format(), content, properties)) {
            while (reader.next() != null && total <= properties.maxRows()) {
                total++;
            }
        }
        int rows = total;
        if (!inTransaction(() -> store.total(job.id(), worker, rows))) {
            throw new ChunkImporter.JobStopped();
        }
        return total;
    }

    private List<SourceRow> nextChunk(RowReader reader) throws IOException {
        List<SourceRow> rows = new ArrayList<>(properties.chunkSize());
        SourceRow row;
        while (rows.size() < properties.chunkSize() && (row = reader.next()) != null) {
            rows.add(row);
        }
        return rows;
    }

    private void finish(ImportJob job, ImportJob.Status status, String failure) {
        transactions.executeWithoutResult(s -> {
            if (!store.finish(job.id(), worker, status, failure)) {
                return;
            }
            ImportJob done = store.find(job.id()).orElseThrow();
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("status", status.code());
            summary.put("dryRun", done.dryRun());
            summary.put("processedRows", done.processedRows());
            summary.put("imported", done.imported());
            summary.put("merged", done.merged());
            summary.put("skipped", done.skipped());
            summary.put("failed", done.failed());
            summary.put("failure", failure);
            audit.record("import.finished", "import", job.id(), null, summary);
        });
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(s -> work.get());
    }
}
