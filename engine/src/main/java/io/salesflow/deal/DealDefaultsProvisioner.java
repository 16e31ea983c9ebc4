package io.salesflow.deal;

import io.salesflow.tenancy.TenantProvisioned;
import io.salesflow.tenancy.TenantScope;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives a new tenant a default "Sales" pipeline and the usual won and lost reasons, so deals can be created
 * from the start; its "Negotiation" stage, where discounts are agreed, requires an approval. Tenants that
 * existed before deals got the same from the V10 migration (and the approval from V29).
 */
@Component
class DealDefaultsProvisioner {

    static final List<PipelineDefinition.Stage> SALES_STAGES = List.of(
            new PipelineDefinition.Stage(null, "Qualification", 10, false, false, false),
            new PipelineDefinition.Stage(null, "Needs analysis", 25, false, false, false),
            new PipelineDefinition.Stage(null, "Proposal", 50, false, false, false),
            new PipelineDefinition.Stage(null, "Negotiation", 75, false, false, true),
            new PipelineDefinition.Stage(null, "Closed won", 100, true, true, false),
            new PipelineDefinition.Stage(null, "Closed lost", 0, true, false, false));
    static final List<String> WON_REASONS = List.of("Price", "Product fit", "Relationship");
    static final List<String> LOST_REASONS = List.of("Price", "Competitor", "No budget", "No decision", "Timing");

    private final PipelineRepository pipelines;
    private final DealReasonRepository reasons;
    private final TenantScope tenantScope;

    DealDefaultsProvisioner(PipelineRepository pipelines, DealReasonRepository reasons, TenantScope tenantScope) {
        this.pipelines = pipelines;
        this.reasons = reasons;
        this.tenantScope = tenantScope;
    }

    @EventListener
    void on(TenantProvisioned event) {
        UUID tenant = event.tenantId();
        tenantScope.runAs(tenant, () -> {
            if (pipelines.count() == 0) {
                Pipeline sales = new Pipeline(tenant, "Sales");
                sales.defineStages(SALES_STAGES, Set.of());
                sales.makeDefault(true);
                pipelines.save(sales);
            }
            if (reasons.count() == 0) {
                addReasons(tenant, ReasonKind.WON, WON_REASONS);
                addReasons(tenant, ReasonKind.LOST, LOST_REASONS);
            }
        });
    }

    private void addReasons(UUID tenant, ReasonKind kind, List<String> labels) {
        for (int i = 0; i < labels.size(); i++) {
            reasons.save(new DealReason(tenant, kind, labels.get(i), true, i));
        }
    }
}
