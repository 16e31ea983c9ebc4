package io.salesflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.DurableEventProbe;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scores that count engagements in the last days follow time without an event (the nightly job), and the
 * territory fields of a lead are scoring facts.
 */
@IntegrationTest
class TimeWindowRescoringTest {

    @Autowired
    ScoringWorkspaces workspaces;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TimeWindowRescoring timeWindows;

    @Test
    void anEngagementThatLeftItsWindowNoLongerCountsAfterTheNightlyRescoring() {
        ScoringWorkspace ws = workspaces.create();
        String lead = ws.createLead(LeadScoreApiTest.ceoOfInitech());
        String untouched = ws.createLead(LeadScoreApiTest.ceoOfInitech());
        ws.call("POST", "/api/v1/leads/" + lead + "/engagements")
                .json(Map.of("type", "email_replied", "reference", "msg-" + lead))
                .send()
                .expect(202);
        int engaged = await().atMost(DurableEventProbe.PATIENCE)
                .until(() -> ws.history(lead), h -> h.size() == 2)
                .get(0)
                .get("newScore")
                .asInt();
        assertThat(engaged).isGreaterThan(65);
        // Time passes: the reply is now 61 days old, past "Replied to an email" (60 days).
        inTenant.run(
                ws.slug,
                () -> jdbc.update(
                        "UPDATE lead_engagements SET occurred_at = occurred_at - interval '61 days' WHERE lead_id = ?::uuid",
                        lead));
        LocalDate day = LocalDate.parse("2026-03-01");

        JsonNode job = ws.awaitJob(inTenant.call(ws.slug, () -> timeWindows.queue(day))
                .orElseThrow()
                .id()
                .toString());

        assertThat(job.get("trigger").asText()).isEqualTo("time_windows");
        assertThat(job.get("processed").asInt()).isEqualTo(2);
        assertThat(job.get("changed").asInt())
                .as("only the lead whose reply aged out")
                .isEqualTo(1);
        JsonNode latest = ws.history(lead).get(0);
        assertThat(latest.get("reason").asText()).isEqualTo("time_passed");
        assertThat(latest.get("previousScore").asInt()).isEqualTo(engaged);
        assertThat(latest.get("newScore").asInt()).isEqualTo(65);
        assertThat(LeadScoreApiTest.firedRules(ws.score(lead).get("explanation")))
                .doesNotContain("Replied to an email");
        assertThat(ws.history(untouched)).hasSize(1);
        assertThat(inTenant.call(ws.slug, () -> timeWindows.queue(day)))
                .as("one job per tenant and day, whichever node asks")
                .isEmpty();
    }

    @Test
    void aRuleSetWithoutTimeWindowsIsNotRescoredAtNight() {
        ScoringWorkspace ws = workspaces.create();
        ws.createLead(LeadScoreApiTest.ceoOfInitech());
        ws.activateAndAwait(ws.createRuleSet(ScoringWorkspace.flatRules("Timeless", 10, "Ten")), "activate");

        Optional<RescoringJobView> job = inTenant.call(ws.slug, () -> timeWindows.queue(LocalDate.parse("2026-03-02")));

        assertThat(job).isEmpty();
    }

    @Test
    void regionAndPostalCodeAreScoringFacts() {
        ScoringWorkspace ws = workspaces.create();
        Map<String, Object> rule = Map.of(
                "name",
                "Munich area",
                "type",
                "DEMOGRAPHIC",
                "points",
                40,
                "conditions",
                List.of(
                        Map.of("field", "REGION", "operator", "EQUALS", "values", List.of("Bavaria")),
                        Map.of("field", "POSTAL_CODE", "operator", "BETWEEN", "values", List.of("80000", "81999"))));
        ws.activateAndAwait(
                ws.createRuleSet(Map.of("name", "Territory", "kind", "data", "rules", List.of(rule))), "activate");

        String munich = ws.createLead(Map.of(
                "company", "Brauerei", "source", "event", "country", "DE", "region", "Bavaria", "postalCode", "80331"));
        String nuremberg = ws.createLead(Map.of(
                "company",
                "Lebkuchen",
                "source",
                "event",
                "country",
                "DE",
                "region",
                "Bavaria",
                "postalCode",
                "90402"));

        assertThat(ws.score(munich).get("score").asInt()).isEqualTo(40);
        assertThat(LeadScoreApiTest.firedRules(ws.score(munich).get("explanation")))
                .containsExactly("Munich area");
        assertThat(ws.score(nuremberg).get("score").asInt()).isZero();
    }
}
