package io.salesflow.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.deal.Deals;
import io.salesflow.identity.Caller;
import io.salesflow.identity.OnBehalf;
import io.salesflow.platform.request.RequestContext;
import io.salesflow.platform.request.RequestMetadata;
import io.salesflow.process.RecordProcesses;
import io.salesflow.process.deployment.ModelFile;
import io.salesflow.process.deployment.ShippedProcesses;
import io.salesflow.process.deployment.TenantDeployments;
import io.salesflow.scoring.LeadRescoring;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the demo workspace look worked: its leads (inserted in bulk, past the intake) are scored and routed leads
 * run nurture, so reps find first-contact and touch tasks; a few of the rep's deals are moved into Negotiation
 * with figures the approval table asks about, so the manager, finance, the head of sales and (through acme's own
 * row in the table) ops at the deal desk have approvals; one
 * hot lead's first-contact SLA has already passed, so the manager has an overdue lead to decide on. Each step
 * looks before it acts: loading again changes nothing.
 */
@Component
class DemoProcesses {

    private static final Set<String> NURTURED = Set.of("new", "contacted", "unqualified");

    /**
     * Deal figures for approvals: a discount (manager), a thin margin (finance too), a large deal (two levels), a
     * deep discount (manager and the deal desk).
     */
    private static final List<Map<String, Object>> APPROVALS = List.of(
            Map.of("discountPercent", 15, "marginPercent", 32),
            Map.of("discountPercent", 5, "marginPercent", 14, "amount", 62_000),
            Map.of("discountPercent", 8, "marginPercent", 41, "amount", 310_000),
            Map.of("discountPercent", 22, "marginPercent", 35));

    static final String APPROVAL_TABLE = "deal-approval.dmn";

    /** acme's own row in the approval table, as its ops would add it in the modeler: the deal desk. */
    static final String DEAL_DESK_RULE =
            """
                  <rule id="Rule_DealDesk">
                    <description>Added by acme's ops: the deal desk checks the terms of deep discounts</description>
                    <inputEntry id="InputEntry_DealDesk_0"><text></text></inputEntry>
                    <inputEntry id="InputEntry_DealDesk_1"><text>&gt; 20</text></inputEntry>
                    <inputEntry id="InputEntry_DealDesk_2"><text></text></inputEntry>
                    <inputEntry id="InputEntry_DealDesk_3"><text></text></inputEntry>
                    <inputEntry id="InputEntry_DealDesk_4"><text></text></inputEntry>
                    <outputEntry id="OutputEntry_DealDesk_level"><text>1</text></outputEntry>
                    <outputEntry id="OutputEntry_DealDesk_role"><text>"process_operator"</text></outputEntry>
                    <outputEntry id="OutputEntry_DealDesk_name"><text>"Discount over 20%: deal desk checks the terms"</text></outputEntry>
                  </rule>
                """;

    private final JdbcTemplate jdbc;
    private final LeadRescoring rescoring;
    private final RecordProcesses processes;
    private final OnBehalf onBehalf;
    private final Deals deals;
    private final ObjectMapper json;
    private final TransactionTemplate transactions;
    private final ShippedProcesses shippedProcesses;
    private final TenantDeployments deployments;

    DemoProcesses(
            JdbcTemplate jdbc,
            LeadRescoring rescoring,
            RecordProcesses processes,
            OnBehalf onBehalf,
            Deals deals,
            ObjectMapper json,
            PlatformTransactionManager transactionManager,
            ShippedProcesses shippedProcesses,
            TenantDeployments deployments) {
        this.shippedProcesses = shippedProcesses;
        this.deployments = deployments;
        this.jdbc = jdbc;
        this.rescoring = rescoring;
        this.processes = processes;
        this.onBehalf = onBehalf;
        this.deals = deals;
        this.json = json;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * For the current tenant: {@code rep} owns the deals sent for approval; {@code ops} deploys the workspace's
     * own approval table first.
     */
    void load(UUID tenant, UUID rep, UUID ops) {
        scoreLeads();
        nurtureLeads(tenant);
        missAFirstContact(tenant, rep);
        addTheDealDesk(ops);
        askForApprovals(rep);
    }

    /**
     * Ops deploys acme's approval table (the shipped one plus the deal desk's row) the way they would from the
     * modeler, through the checked deployment; duplicate filtering makes this a no-op on the next load.
     */
    private void addTheDealDesk(UUID ops) {
        ModelFile shipped = shippedProcesses.files().stream()
                .filter(f -> f.name().equals(APPROVAL_TABLE))
                .findFirst()
                .orElseThrow();
        String original = new String(shipped.content(), StandardCharsets.UTF_8);
        String table = original.replace("    </decisionTable>", DEAL_DESK_RULE + "    </decisionTable>");
        if (table.equals(original)) {
            throw new IllegalStateException(APPROVAL_TABLE + " has no decision table to add the deal desk to");
        }
        Caller caller = transactions
                .execute(s -> onBehalf.caller(ops, Set.of("process:design")))
                .orElseThrow();
        RequestContext.Actor actor = new RequestContext.Actor(RequestContext.Actor.Type.USER, ops, caller.name());
        onBehalf.call(
                caller,
                actor,
                new RequestMetadata("demo", null, null),
                () -> deployments.deploy(
                        "acme approval table",
                        List.of(new ModelFile(APPROVAL_TABLE, table.getBytes(StandardCharsets.UTF_8)))));
    }

    /** The rep's oldest hot lead has waited past its SLA: its manager decides whether to keep or reassign it. */
    private void missAFirstContact(UUID tenant, UUID rep) {
        transactions
                .execute(s -> jdbc.queryForList(
                        """
                        SELECT id FROM leads WHERE owner_id = ? AND score_band = 'hot' AND status = 'new'
                          AND deleted_at IS NULL ORDER BY created_at, id LIMIT 1
                        """,
                        UUID.class,
                        rep))
                .forEach(lead -> transactions.executeWithoutResult(
                        s -> processes.runTimerNow(tenant, "lead", lead, "Timer_FirstContactSla")));
    }

    private void scoreLeads() {
        List<UUID> unscored = transactions.execute(s -> jdbc.queryForList(
                "SELECT id FROM leads WHERE score IS NULL AND deleted_at IS NULL ORDER BY id", UUID.class));
        for (UUID lead : unscored) {
            transactions.executeWithoutResult(s -> rescoring.rescore(lead, "created"));
        }
    }

    private void nurtureLeads(UUID tenant) {
        List<Map<String, Object>> open = transactions.execute(
                s -> jdbc.queryForList("SELECT id, status FROM leads WHERE deleted_at IS NULL ORDER BY id"));
        for (Map<String, Object> lead : open) {
            if (NURTURED.contains((String) lead.get("status"))) {
                UUID id = (UUID) lead.get("id");
                transactions.executeWithoutResult(
                        s -> processes.start(tenant, "lead.created", "lead", id, Map.of("leadId", id.toString())));
            }
        }
    }

    private void askForApprovals(UUID rep) {
        Integer asked =
                transactions.execute(s -> jdbc.queryForObject("SELECT count(*) FROM deal_approvals", Integer.class));
        if (asked != null && asked > 0) {
            return;
        }
        UUID negotiation = transactions.execute(s -> jdbc.queryForObject(
                """
                SELECT s.id FROM pipeline_stages s JOIN pipelines p ON p.id = s.pipeline_id AND p.is_default
                WHERE s.requires_approval ORDER BY s.position LIMIT 1
                """,
                UUID.class));
        List<UUID> candidates = transactions.execute(s -> jdbc.queryForList(
                """
                SELECT d.id FROM deals d
                JOIN pipeline_stages s ON s.id = d.stage_id
                JOIN pipeline_stages approval ON approval.id = ? AND approval.pipeline_id = d.pipeline_id
                WHERE d.owner_id = ? AND d.status = 'open' AND d.deleted_at IS NULL
                  AND s.position < approval.position
                ORDER BY d.created_at, d.id LIMIT ?
                """,
                UUID.class,
                negotiation,
                rep,
                APPROVALS.size()));
        Caller caller = transactions
                .execute(s -> onBehalf.caller(rep, Set.of("deals:read", "deals:write")))
                .orElseThrow();
        RequestContext.Actor actor = new RequestContext.Actor(RequestContext.Actor.Type.USER, rep, caller.name());
        for (int i = 0; i < candidates.size(); i++) {
            ObjectNode change = json.valueToTree(APPROVALS.get(i));
            change.put("stageId", negotiation.toString());
            UUID deal = candidates.get(i);
            onBehalf.call(
                    caller, actor, new RequestMetadata("demo", null, null), () -> deals.change(deal, change, null));
        }
    }
}
