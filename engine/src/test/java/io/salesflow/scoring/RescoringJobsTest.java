package io.salesflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.identity.Users;
import io.salesflow.support.HeldTransaction;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.tenancy.Tenants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rescoring jobs resume where they stopped, and tenants that predate scoring get the default rules at start. */
@IntegrationTest
class RescoringJobsTest {

    @Autowired
    ScoringWorkspaces workspaces;

    @Autowired
    Tenants tenants;

    @Autowired
    InTenant inTenant;

    @Autowired
    Users users;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RescoringJobs jobs;

    @Autowired
    DefaultRuleSetProvisioner provisioner;

    @Autowired
    ScoringProperties properties;

    @Test
    void aJobLeftRunningResumesAfterItsLastLeadAndAnotherNodesActivationIsNoticed() {
        ScoringWorkspace ws = workspaces.create();
        for (int i = 0; i < 6; i++) {
            ws.createLead(LeadScoreApiTest.ceoOfInitech());
        }
        String v2 = ws.createRuleSet(ScoringWorkspace.flatRules("Resumed", 10, "Resumed ten"));
        List<UUID> leads =
                inTenant.call(ws.slug, () -> jdbc.queryForList("SELECT id FROM leads ORDER BY id", UUID.class));
        UUID job = UUID.randomUUID();
        inTenant.run(ws.slug, () -> {
            jdbc.update("UPDATE scoring_rule_sets SET status = 'retired', retired_at = now() WHERE status = 'active'");
            jdbc.update("UPDATE scoring_rule_sets SET status = 'active', activated_at = now() WHERE id = ?::uuid", v2);
            jdbc.update(
                    """
                    INSERT INTO rescoring_jobs (tenant_id, id, rule_set_id, rule_set_version, status, total, processed,
                                                last_lead_id, started_at)
                    VALUES (?, ?, ?::uuid, 2, 'running', 6, 3, ?, now())
                    """,
                    ws.tenantId,
                    job,
                    v2,
                    leads.get(2));
        });

        jobs.resume();
        JsonNode done = ws.awaitJob(job.toString());

        assertThat(done.get("processed").asInt()).isEqualTo(6);
        assertThat(done.get("changed").asInt()).isEqualTo(3);
        for (int i = 0; i < leads.size(); i++) {
            JsonNode score = ws.score(leads.get(i).toString());
            boolean rescored = i > 2;
            assertThat(score.get("ruleSetVersion").asInt()).as("lead %d", i).isEqualTo(rescored ? 2 : 1);
            assertThat(score.get("score").asInt()).isEqualTo(rescored ? 10 : 65);
            assertThat(ws.history(leads.get(i).toString()).get(0).get("reason").asText())
                    .isEqualTo(rescored ? "rule_set_activated:2" : "created");
        }
        JsonNode fresh = ws.score(ws.createLead(LeadScoreApiTest.ceoOfInitech()));
        assertThat(fresh.get("ruleSetVersion").asInt())
                .as("a version activated elsewhere is used at once")
                .isEqualTo(2);
        assertThat(LeadScoreApiTest.firedRules(fresh.get("explanation"))).containsExactly("Resumed ten");
    }

    @Test
    void aJobScoresManyLeadsInChunksAndItsProgressMovesByChunks() {
        ScoringWorkspace ws = workspaces.create();
        int leads = 1_100; // over two chunks of the default 500, and a part of one
        bulkLeads(ws, leads);
        String v2 = ws.createRuleSet(ScoringWorkspace.flatRules("Chunked", 10, "Chunked ten"));

        String job = activate(ws, v2);
        Set<Integer> seen = new TreeSet<>();
        JsonNode done = await().atMost(Duration.ofSeconds(120))
                .until(
                        () -> {
                            JsonNode j = ws.job(job);
                            seen.add(j.get("processed").asInt());
                            return j;
                        },
                        j -> j.get("status").asText().equals("completed"));

        assertThat(done.get("total").asInt()).isEqualTo(leads);
        assertThat(done.get("processed").asInt()).isEqualTo(leads);
        assertThat(done.get("changed").asInt()).isEqualTo(leads);
        assertThat(seen)
                .as("progress is written once per transaction, which ends after whole steps")
                .allMatch(p -> p % ScoringProperties.STEP == 0 || p == leads);
        Map<String, Object> scored = inTenant.call(
                ws.slug,
                () -> jdbc.queryForMap(
                        """
                        SELECT count(*) FILTER (WHERE e.rule_set_version = 2 AND l.score = 10) AS rescored,
                               count(*) AS all_leads
                        FROM leads l LEFT JOIN lead_score_explanations e ON e.lead_id = l.id
                        """));
        assertThat(scored.get("rescored")).isEqualTo((long) leads);
        assertThat(scored.get("all_leads")).isEqualTo((long) leads);
    }

    @Test
    void aRescoringTransactionCommitsWhatItHasOnceItHasRunItsTime() throws InterruptedException {
        ScoringWorkspace ws = workspaces.create();
        int leads = 120; // three steps: the first and the third each hold a lead a rep is editing
        bulkLeads(ws, leads);
        List<UUID> ids =
                inTenant.call(ws.slug, () -> jdbc.queryForList("SELECT id FROM leads ORDER BY id", UUID.class));
        String v2 = ws.createRuleSet(ScoringWorkspace.flatRules("Bounded", 10, "Bounded ten"));

        String job;
        try (HeldTransaction later = edit(ws, ids.get(100))) {
            try (HeldTransaction early = edit(ws, ids.get(10))) {
                job = activate(ws, v2);
                await("the first step waiting in a transaction older than " + properties.transactionTime())
                        .atMost(Duration.ofMinutes(1))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> rescoringWaitsInATransactionOlderThan(properties.transactionTime()));
                assertThat(ws.job(job).get("processed").asInt()).isZero();
            }

            JsonNode running = await("the leads before the later edit committed")
                    .atMost(Duration.ofMinutes(1))
                    .until(() -> ws.job(job), j -> j.get("processed").asInt() > 0);
            assertThat(running.get("status").asText()).isEqualTo("running");
            int processed = running.get("processed").asInt();
            assertThat(processed)
                    .as("whole steps before the lead still being edited")
                    .isIn(ScoringProperties.STEP, 2 * ScoringProperties.STEP);
            assertThat(rescored(ws)).isEqualTo(processed);
        }

        JsonNode done = ws.awaitJob(job);
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("processed").asInt()).isEqualTo(leads);
        assertThat(rescored(ws)).isEqualTo(leads);
    }

    /** Activates the version; answers its rescoring job's id. */
    private static String activate(ScoringWorkspace ws, String ruleSetId) {
        return ws.call("POST", "/api/v1/scoring/rule-sets/" + ruleSetId + "/activate")
                .send()
                .expect(200)
                .json()
                .get("rescoringJob")
                .get("id")
                .asText();
    }

    private int rescored(ScoringWorkspace ws) {
        return inTenant.call(
                ws.slug,
                () -> jdbc.queryForObject(
                        "SELECT count(*) FROM lead_score_explanations WHERE rule_set_version = 2", Integer.class));
    }

    private boolean rescoringWaitsInATransactionOlderThan(Duration age) {
        return HeldTransaction.waitsInATransactionOlderThan(jdbc, "SELECT l.id, l.email, l.title", age);
    }

    private void bulkLeads(ScoringWorkspace ws, int count) {
        inTenant.run(
                ws.slug,
                () -> jdbc.update(
                        """
                        INSERT INTO leads (tenant_id, id, last_name, company, email, source, country, owner_id)
                        SELECT ?, gen_random_uuid(), 'Bulk ' || n, 'Bulk Co', 'bulk' || n || '@bulk.example',
                               'referral', 'DE', (SELECT id FROM users LIMIT 1)
                        FROM generate_series(1, ?) AS n
                        """,
                        ws.tenantId,
                        count));
    }

    /** A rep's edit of the lead, its transaction open (the lead locked) until closed. */
    private HeldTransaction edit(ScoringWorkspace ws, UUID lead) throws InterruptedException {
        return new HeldTransaction(
                inTenant, ws.slug, () -> jdbc.update("UPDATE leads SET updated_at = now() WHERE id = ?", lead));
    }

    @Test
    void aJobWhoseVersionWasReplacedIsCancelled() {
        ScoringWorkspace ws = workspaces.create();
        ws.createLead(LeadScoreApiTest.ceoOfInitech());
        String v1 = ws.activeRuleSetId();
        UUID job = UUID.randomUUID();
        String v2 = ws.createRuleSet(ScoringWorkspace.flatRules("Never active", 10, "Never"));
        inTenant.run(
                ws.slug,
                () -> jdbc.update(
                        "INSERT INTO rescoring_jobs (tenant_id, id, rule_set_id, rule_set_version) VALUES (?, ?, ?::uuid, 2)",
                        ws.tenantId,
                        job,
                        v2));

        jobs.resume();

        JsonNode cancelled = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> ws.job(job.toString()),
                        j -> j.get("status").asText().equals("cancelled"));
        assertThat(cancelled.get("processed").asInt()).isZero();
        assertThat(ws.activeRuleSetId()).isEqualTo(v1);
    }

    @Test
    void aTenantWithoutRuleSetsGetsTheDefaultsAtStartAndItsLeadsAreScored() {
        UUID tenant = UUID.randomUUID();
        String slug = "prescoring-" + tenant.toString().substring(0, 8);
        jdbc.update("INSERT INTO tenants (id, slug, name) VALUES (?, ?, 'Before scoring')", tenant, slug);
        UUID owner = inTenant.call(
                slug, () -> users.ensure("owner@" + slug + ".test", "Owner", ScoringWorkspace.PASSWORD, List.of())
                        .id());
        UUID lead = UUID.randomUUID();
        inTenant.run(
                slug,
                () -> jdbc.update(
                        "INSERT INTO leads (tenant_id, id, company, email, source, owner_id) VALUES (?, ?, 'Old', 'a@old.example', 'referral', ?)",
                        tenant,
                        lead,
                        owner));

        provisioner.provisionExistingTenants();
        provisioner.provisionExistingTenants();

        List<Map<String, Object>> sets = inTenant.call(
                slug, () -> jdbc.queryForList("SELECT version, status, name, created_by FROM scoring_rule_sets"));
        assertThat(sets).singleElement().satisfies(s -> {
            assertThat(s.get("version")).isEqualTo(1);
            assertThat(s.get("status")).isEqualTo("active");
            assertThat(s.get("created_by")).isNull();
        });
        await().atMost(Duration.ofSeconds(30))
                .until(() -> inTenant.call(
                        slug,
                        () -> jdbc.queryForObject(
                                        "SELECT count(*) FROM rescoring_jobs WHERE status = 'completed'", Integer.class)
                                == 1));
        Map<String, Object> scored = inTenant.call(
                slug,
                () -> jdbc.queryForMap(
                        "SELECT l.score, e.rule_set_version, h.reason FROM leads l"
                                + " JOIN lead_score_explanations e ON e.lead_id = l.id"
                                + " JOIN lead_score_history h ON h.lead_id = l.id WHERE l.id = ?",
                        lead));
        assertThat(scored.get("score")).as("business email 10, referral 15").isEqualTo(25);
        assertThat(scored.get("rule_set_version")).isEqualTo(1);
        assertThat(scored.get("reason")).isEqualTo("rule_set_activated:1");
        assertThat(inTenant.call(slug, () -> jdbc.queryForObject("SELECT count(*) FROM rescoring_jobs", Integer.class)))
                .isEqualTo(1);
    }
}
