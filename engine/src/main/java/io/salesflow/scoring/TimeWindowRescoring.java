package io.salesflow.scoring;

import io.salesflow.tenancy.Tenant;
import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every night, rescores the leads of each tenant whose active rule set counts engagements "in the last N days":
 * an email opened 31 days ago no longer counts for "opened in the last 30 days", and no event says so. The job is
 * a normal rescoring job (chunked, resumable, visible in the jobs list) with history reason {@code time_passed};
 * each tenant gets one per day, whichever node queues it.
 */
@Component
class TimeWindowRescoring {

    private static final Logger log = LoggerFactory.getLogger(TimeWindowRescoring.class);

    private final Tenants tenants;
    private final RuleSetStore ruleSets;
    private final RescoringJobs jobs;
    private final Clock clock;
    private final TransactionTemplate transactions;

    TimeWindowRescoring(
            Tenants tenants,
            RuleSetStore ruleSets,
            RescoringJobs jobs,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.tenants = tenants;
        this.ruleSets = ruleSets;
        this.jobs = jobs;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(cron = "${salesflow.scoring.time-window-cron:0 30 2 * * *}", zone = "UTC")
    void nightly() {
        LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        for (Tenant tenant : tenants.all()) {
            try {
                TenantContext.runAs(tenant.getId(), () -> queue(day)
                        .ifPresent(job -> log.info(
                                "Rescoring the leads of {} as time passed: job {}", tenant.getSlug(), job.id())));
            } catch (RuntimeException e) {
                log.error("Could not queue the time-window rescoring of {}", tenant.getSlug(), e);
            }
        }
    }

    /**
     * Queues the current tenant's rescoring of {@code day}; empty when its active rule set has no time window, or
     * the day's job was queued before.
     */
    Optional<RescoringJobView> queue(LocalDate day) {
        return transactions.execute(s -> ruleSets.active()
                .filter(active -> ruleSets.find(active.id())
                        .map(stored -> stored.definition().usesTimeWindows())
                        .orElse(false))
                .flatMap(active -> jobs.queueTimeWindows(active, day)));
    }
}
