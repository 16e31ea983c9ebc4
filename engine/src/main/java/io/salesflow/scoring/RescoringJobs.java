package io.salesflow.scoring;

import io.salesflow.lead.LeadFactsView;
import io.salesflow.lead.LeadScores;
import io.salesflow.platform.database.PooledThreads;
import io.salesflow.platform.input.TimeRange;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.rules.facts.EngagementEvent;
import io.salesflow.tenancy.Tenant;
import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rescores every live lead of a tenant after a rule set is activated, in the background: chunks of leads in
 * id order, each chunk one transaction that writes the scores, explanations and history and moves the job's
 * position on. A chunk ends at {@link ScoringProperties#chunkSize} leads or once its transaction has run
 * {@link ScoringProperties#transactionTime}, as its leads stay locked against a rep's edit until it commits. A job left queued or running (a restart, a node gone) resumes from its position at the next
 * start; one whose rule set was replaced meanwhile is cancelled, since the newer activation's job rescores
 * everything.
 */
@Service
public class RescoringJobs implements PooledThreads {

    private static final Logger log = LoggerFactory.getLogger(RescoringJobs.class);

    private final RescoringJobStore store;
    private final RuleSetStore ruleSets;
    private final ActiveRuleSets compiled;
    private final LeadScores leads;
    private final EngagementStore engagements;
    private final LeadScoring scoring;
    private final Tenants tenants;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;
    private final int chunkSize;
    private final java.time.Duration transactionTime;
    private final ThreadPoolTaskExecutor executor;
    private final int threads;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    RescoringJobs(
            RescoringJobStore store,
            RuleSetStore ruleSets,
            ActiveRuleSets compiled,
            LeadScores leads,
            EngagementStore engagements,
            LeadScoring scoring,
            Tenants tenants,
            Clock clock,
            PlatformTransactionManager transactionManager,
            ScoringProperties properties) {
        this.store = store;
        this.ruleSets = ruleSets;
        this.compiled = compiled;
        this.leads = leads;
        this.engagements = engagements;
        this.scoring = scoring;
        this.tenants = tenants;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.chunkSize = properties.chunkSize();
        this.transactionTime = properties.transactionTime();
        this.threads = properties.rescoringThreads();
        this.executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.rescoringThreads());
        executor.setMaxPoolSize(properties.rescoringThreads());
        executor.setThreadNamePrefix("rescoring-");
        executor.setDaemon(true);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        executor.initialize();
    }

    @Transactional(readOnly = true)
    public RescoringJobView get(UUID id) {
        return store.find(id).orElseThrow(() -> Problem.notFound("Rescoring job", id));
    }

    /** The tenant's jobs, newest first. */
    @Transactional(readOnly = true)
    public CursorPage<RescoringJobView> list(String cursor, int limit) {
        Instant afterCreatedAt = null;
        UUID afterId = null;
        String key = CursorPage.decode(cursor);
        if (key != null) {
            String[] parts = key.split("\\|", 2);
            try {
                afterCreatedAt = TimeRange.check("cursor", Instant.parse(parts[0]));
                afterId = UUID.fromString(parts[1]);
            } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw Problem.invalid("cursor", "is not a cursor this API returned");
            }
        }
        return CursorPage.of(store.page(afterCreatedAt, afterId, limit + 1), limit, j -> j.createdAt() + "|" + j.id());
    }

    /** Queues a job for the rule set just activated; it starts when the transaction commits. */
    RescoringJobView queue(UUID ruleSetId, int ruleSetVersion) {
        UUID id = UUID.randomUUID();
        store.insert(id, ruleSetId, ruleSetVersion, clock.instant());
        submitAfterCommit(id);
        return store.find(id).orElseThrow();
    }

    /**
     * Queues the tenant's rescoring of {@code day} under the active rule set, as time moved engagements out of
     * its rules' windows; empty when another node queued it already. Starts when the transaction commits.
     */
    Optional<RescoringJobView> queueTimeWindows(RuleSetStore.ActiveRef active, LocalDate day) {
        UUID id = UUID.randomUUID();
        if (!store.insertTimeWindows(id, active.id(), active.version(), day, clock.instant())) {
            return Optional.empty();
        }
        submitAfterCommit(id);
        return store.find(id);
    }

    private void submitAfterCommit(UUID id) {
        UUID tenant = TenantContext.require();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                submit(tenant, id);
            }
        });
    }

    /** Resumes every tenant's jobs left queued or running; runs at start. */
    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        for (Tenant tenant : tenants.all()) {
            List<UUID> jobs = TenantContext.callAs(tenant.getId(), () -> readOnly.execute(s -> store.unfinished()));
            if (jobs != null) {
                jobs.forEach(job -> submit(tenant.getId(), job));
            }
        }
    }

    private void submit(UUID tenant, UUID jobId) {
        if (stopping || !inFlight.add(jobId)) {
            return;
        }
        executor.execute(() -> {
            try {
                TenantContext.runAs(tenant, () -> run(jobId));
            } finally {
                inFlight.remove(jobId);
            }
        });
    }

    private void run(UUID jobId) {
        try {
            Optional<RescoringJobStore.Position> position =
                    readOnly.execute(s -> store.position(jobId).filter(p -> !p.finished()));
            if (position == null || position.isEmpty()) {
                return;
            }
            RescoringJobStore.Position job = position.get();
            Optional<ActiveRuleSets.Active> ruleSet = Optional.ofNullable(
                    readOnly.execute(s -> compiled.compiled(job.ruleSetId(), job.ruleSetVersion())));
            if (ruleSet.isEmpty()) {
                return;
            }
            String reason = RescoringJobStore.TIME_WINDOWS.equals(job.trigger())
                    ? "time_passed"
                    : "rule_set_activated:" + job.ruleSetVersion();
            while (!stopping && Boolean.TRUE.equals(transactions.execute(s -> chunk(jobId, ruleSet.get(), reason)))) {
                // the next chunk, in a transaction of its own
            }
        } catch (RuntimeException e) {
            if (stopping) {
                log.info("Rescoring job {} stopped with the application; it resumes at the next start", jobId);
                return;
            }
            log.error("Rescoring job {} failed", jobId, e);
            transactions.executeWithoutResult(s ->
                    store.finish(jobId, RescoringJobStore.FAILED, String.valueOf(e.getMessage()), clock.instant()));
        }
    }

    /** Scores the next chunk; answers whether there is more to do. */
    private boolean chunk(UUID jobId, ActiveRuleSets.Active ruleSet, String reason) {
        RescoringJobStore.Position job = store.lock(jobId).orElse(null);
        if (job == null || job.finished()) {
            return false;
        }
        Instant now = clock.instant();
        Optional<RuleSetStore.ActiveRef> active = ruleSets.activeForScoring();
        if (active.isEmpty() || !active.get().id().equals(job.ruleSetId())) {
            store.finish(
                    jobId,
                    RescoringJobStore.CANCELLED,
                    "version " + job.ruleSetVersion() + " is no longer active",
                    now);
            return false;
        }
        if (RescoringJobStore.QUEUED.equals(job.status())) {
            store.start(jobId, leads.countLive(), now);
        }
        long started = System.nanoTime();
        long deadline = started + transactionTime.toNanos();
        UUID last = job.lastLeadId();
        int processed = 0;
        int changed = 0;
        boolean more = true;
        while (more && processed < chunkSize) {
            int step = Math.min(ScoringProperties.STEP, chunkSize - processed);
            List<LeadFactsView> batch = leads.lockNextForScoring(last, step);
            Map<UUID, List<EngagementEvent>> events =
                    engagements.forLeads(batch.stream().map(LeadFactsView::id).toList());
            changed += scoring.write(scoring.scoreAll(ruleSet, batch, events, now), reason);
            processed += batch.size();
            if (!batch.isEmpty()) {
                last = batch.get(batch.size() - 1).id();
            }
            more = batch.size() == step;
            if (System.nanoTime() - deadline > 0) {
                break;
            }
        }
        store.progress(jobId, processed, changed, last);
        log.debug(
                "Rescoring job {} scored {} leads in {} ms",
                jobId,
                processed,
                (System.nanoTime() - started) / 1_000_000);
        if (!more) {
            store.finish(jobId, RescoringJobStore.COMPLETED, null, clock.instant());
            return false;
        }
        return true;
    }

    @Override
    public String threadsDescription() {
        return "rescoring jobs (salesflow.scoring.rescoring-threads)";
    }

    @Override
    public int threads() {
        return threads;
    }

    @PreDestroy
    void stop() {
        stopping = true;
        executor.shutdown();
    }
}
