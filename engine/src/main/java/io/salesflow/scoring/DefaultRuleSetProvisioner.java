package io.salesflow.scoring;

import io.salesflow.audit.AuditLog;
import io.salesflow.platform.database.ProvisioningLock;
import io.salesflow.rules.scoring.DefaultRuleSets;
import io.salesflow.rules.scoring.ScoringRuleSet;
import io.salesflow.tenancy.Tenant;
import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.TenantProvisioned;
import io.salesflow.tenancy.TenantScope;
import io.salesflow.tenancy.Tenants;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives every tenant the default scoring rules as version 1, active: a new tenant when it is provisioned,
 * and at start every tenant that has no rule set yet (those that existed before scoring), whose leads are
 * then scored by a rescoring job. A tenant with any rule set is left alone.
 */
@Component
class DefaultRuleSetProvisioner {

    static final String NAME = "Default rules";

    private static final Logger log = LoggerFactory.getLogger(DefaultRuleSetProvisioner.class);

    private final RuleSetStore store;
    private final RescoringJobs jobs;
    private final Tenants tenants;
    private final TenantScope tenantScope;
    private final AuditLog audit;
    private final Clock clock;
    private final ProvisioningLock provisioning;
    private final TransactionTemplate transactions;

    DefaultRuleSetProvisioner(
            RuleSetStore store,
            RescoringJobs jobs,
            Tenants tenants,
            TenantScope tenantScope,
            AuditLog audit,
            Clock clock,
            ProvisioningLock provisioning,
            PlatformTransactionManager transactionManager) {
        this.store = store;
        this.jobs = jobs;
        this.tenants = tenants;
        this.tenantScope = tenantScope;
        this.audit = audit;
        this.clock = clock;
        this.provisioning = provisioning;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @EventListener
    void on(TenantProvisioned event) {
        tenantScope.runAs(event.tenantId(), this::provision);
    }

    /** Before resuming jobs, so that the jobs queued here start once. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void provisionExistingTenants() {
        provisioning.run(this::provisionEachTenant);
    }

    private void provisionEachTenant() {
        for (Tenant tenant : tenants.all()) {
            TenantContext.runAs(
                    tenant.getId(),
                    () -> transactions.executeWithoutResult(s -> {
                        UUID id = provision();
                        if (id != null) {
                            jobs.queue(id, 1);
                            log.info(
                                    "Tenant {} got the default scoring rules; its leads are being scored",
                                    tenant.getSlug());
                        }
                    }));
        }
    }

    /** The id of the default rule set given to the current tenant, or null when it has rule sets already. */
    private UUID provision() {
        store.lockTenant();
        if (store.any()) {
            return null;
        }
        ScoringRuleSet defaults = DefaultRuleSets.scoring();
        RuleSetDefinition definition = RuleSetDefinition.data(defaults.thresholds(), defaults.rules());
        UUID id = UUID.randomUUID();
        Instant at = clock.instant();
        store.insert(id, 1, NAME, definition, null, at);
        store.activate(id, null, at);
        audit.record(
                "scoring_rule_set.provisioned",
                "scoring_rule_set",
                id,
                null,
                store.find(id).orElseThrow().snapshot());
        return id;
    }
}
