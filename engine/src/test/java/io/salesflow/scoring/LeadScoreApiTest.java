package io.salesflow.scoring;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.engagement.EngagementKind;
import io.salesflow.engagement.LeadEngaged;
import io.salesflow.support.Api;
import io.salesflow.support.DurableEventProbe;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.PublishedEvents;
import io.salesflow.tenancy.Tenants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A lead's score with its explanation and history, in the acme workspace under the default rules. */
@IntegrationTest
class LeadScoreApiTest {

    @Autowired
    Api api;

    @Autowired
    PublishedEvents events;

    @Autowired
    Engagements engagements;

    @Autowired
    Tenants tenants;

    @Test
    void aNewLeadIsScoredByTheDefaultRulesAndSaysWhy() {
        String id = createLead("rep@acme.test", ceoOfInitech());

        JsonNode score = get("rep@acme.test", "/api/v1/leads/" + id + "/score");
        assertThat(score.get("score").asInt()).isEqualTo(65);
        assertThat(score.get("band").asText()).isEqualTo("warm");
        assertThat(score.get("ruleSetVersion").asInt()).isEqualTo(1);
        assertThat(score.get("scoredAt").isNull()).isFalse();
        JsonNode explanation = score.get("explanation");
        assertThat(firedRules(explanation))
                .containsExactlyInAnyOrder(
                        "Business email domain",
                        "C-level title",
                        "Company size 51-200",
                        "Core market country",
                        "Referral source");
        assertThat(pointsOf(explanation))
                .isEqualTo(65)
                .isEqualTo(explanation.get("rawTotal").asInt());
        assertThat(explanation.get("clamped").asBoolean()).isFalse();

        JsonNode history =
                get("rep@acme.test", "/api/v1/leads/" + id + "/score-history").get("items");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("reason").asText()).isEqualTo("created");
        assertThat(history.get(0).get("previousScore").isNull()).isTrue();
        assertThat(history.get(0).get("newScore").asInt()).isEqualTo(65);
        assertThat(history.get(0).get("change").asInt()).isEqualTo(65);
        assertThat(history.get(0).get("newBand").asText()).isEqualTo("warm");
        assertThat(history.get(0).get("ruleSetVersion").asInt()).isEqualTo(1);
    }

    @Test
    void anEngagementRaisesTheScoreAndTheHistorySaysWhich() {
        String id = createLead("rep@acme.test", ceoOfInitech());

        JsonNode engagement = api.as("acme", "rep@acme.test", "POST", "/api/v1/leads/" + id + "/engagements")
                .json(Map.of("type", "meeting_booked", "reference", "cal-" + id))
                .send()
                .expect(202)
                .json();
        assertThat(engagement.get("type").asText()).isEqualTo("meeting_booked");
        assertThat(engagement.get("source").asText()).isEqualTo("api");

        JsonNode latest = awaitHistory(id, 2).get(0);
        assertThat(latest.get("reason").asText()).isEqualTo("engagement:meeting_booked");
        assertThat(latest.get("previousScore").asInt()).isEqualTo(65);
        assertThat(latest.get("newScore").asInt()).isEqualTo(90);
        assertThat(latest.get("change").asInt()).isEqualTo(25);
        assertThat(latest.get("previousBand").asText()).isEqualTo("warm");
        assertThat(latest.get("newBand").asText()).isEqualTo("hot");
        assertThat(firedRules(latest.get("explanation"))).contains("Meeting booked");
        JsonNode lead = get("rep@acme.test", "/api/v1/leads/" + id);
        assertThat(lead.get("score").asInt()).isEqualTo(90);
        assertThat(get("admin@acme.test", "/api/v1/audit-log?resourceType=lead&resourceId=" + id)
                        .get("items")
                        .findValuesAsText("action"))
                .contains("lead.engagement_reported");
        assertThat(lead.get("scoreBand").asText()).isEqualTo("hot");
    }

    @Test
    void mergedLeadsGiveTheSurvivorTheirEngagementsAndTheSurvivorIsRescored() {
        String survivor = createLead("rep@acme.test", ceoOfInitech());
        String merged = createLead("rep@acme.test", ceoOfInitech());
        engage(survivor, Map.of("type", "email_replied", "reference", "msg-" + merged));
        awaitHistory(survivor, 2);
        engage(merged, Map.of("type", "email_replied", "reference", "msg-" + merged));
        awaitHistory(merged, 2);
        engage(merged, Map.of("type", "meeting_booked", "reference", "cal-" + merged));
        awaitHistory(merged, 3);

        JsonNode result = api.as("acme", "rep@acme.test", "POST", "/api/v1/leads/merge")
                .json(Map.of("survivorId", survivor, "mergedIds", List.of(merged), "fields", Map.of()))
                .send()
                .expect(200)
                .json();

        assertThat(result.get("moved").get("engagements").asInt())
                .as("the reply the survivor already has stays with the merged lead")
                .isEqualTo(1);
        JsonNode latest = awaitHistory(survivor, 3).get(0);
        assertThat(latest.get("reason").asText()).isEqualTo("merged");
        JsonNode explanation =
                get("rep@acme.test", "/api/v1/leads/" + survivor + "/score").get("explanation");
        assertThat(firedRules(explanation)).contains("Meeting booked", "Replied to an email");
        assertThat(explanation.get("rawTotal").asInt()).isEqualTo(pointsOf(explanation));
        assertThat(latest.get("newScore").asInt()).isEqualTo(Math.min(100, pointsOf(explanation)));
    }

    @Test
    void aScoreAboveOneHundredIsClampedAndTheExplanationKeepsTheRawTotal() {
        String id = createLead("rep@acme.test", ceoOfInitech());
        engage(id, Map.of("type", "meeting_booked"));
        awaitHistory(id, 2);
        engage(id, Map.of("type", "form_submitted", "detail", "Demo_Request"));
        awaitHistory(id, 3);

        JsonNode score = get("rep@acme.test", "/api/v1/leads/" + id + "/score");
        assertThat(score.get("score").asInt()).isEqualTo(100);
        JsonNode explanation = score.get("explanation");
        assertThat(explanation.get("rawTotal").asInt()).isEqualTo(115).isEqualTo(pointsOf(explanation));
        assertThat(explanation.get("clamped").asBoolean()).isTrue();
        assertThat(firedRules(explanation)).contains("Demo requested", "Meeting booked");
    }

    @Test
    void anEngagementWithAReferenceAlreadyRecordedCountsOnce() {
        String id = createLead("rep@acme.test", ceoOfInitech());
        engage(id, Map.of("type", "email_replied", "reference", "msg-1"));
        awaitHistory(id, 2);
        engage(id, Map.of("type", "email_replied", "reference", "msg-1"));
        engage(id, Map.of("type", "meeting_booked"));
        awaitHistory(id, 3);

        JsonNode explanation =
                get("rep@acme.test", "/api/v1/leads/" + id + "/score").get("explanation");
        assertThat(firedRules(explanation)).contains("Replied to an email", "Meeting booked");
        assertThat(pointsOf(explanation)).isEqualTo(65 + 15 + 25);
    }

    @Test
    void completingACallWithTheLeadRescoresIt() {
        String id = createLead("rep@acme.test", ceoOfInitech());
        api.as("acme", "rep@acme.test", "POST", "/api/v1/activities")
                .json(Map.of("type", "call", "subject", "Intro call", "leadId", id, "status", "completed"))
                .send()
                .expect(201);
        await().atMost(DurableEventProbe.PATIENCE)
                .untilAsserted(() -> assertThat(get("rep@acme.test", "/api/v1/leads/" + id + "/score-history")
                                .get("items")
                                .get(0)
                                .get("reason")
                                .asText())
                        .isEqualTo("engagement:activity_completed"));
        assertThat(firedRules(
                        get("rep@acme.test", "/api/v1/leads/" + id + "/score").get("explanation")))
                .contains("Activity completed");
    }

    @Test
    void anotherModulesEngagementCountsOnceHoweverOftenItArrives() {
        String id = createLead("rep@acme.test", ceoOfInitech());
        UUID acme = tenants.findBySlug("acme").orElseThrow().getId();
        LeadEngaged completed = LeadEngaged.of(
                acme,
                UUID.fromString(id),
                EngagementKind.ACTIVITY_COMPLETED,
                Instant.now().minusSeconds(60),
                null,
                "activity",
                "activity-" + id);

        engagements.record(completed);
        engagements.record(completed);
        engagements.record(LeadEngaged.of(
                acme,
                UUID.fromString(id),
                EngagementKind.ACTIVITY_COMPLETED,
                Instant.now(),
                null,
                "activity",
                "activity-" + id));
        engagements.record(LeadEngaged.of(
                acme, UUID.randomUUID(), EngagementKind.EMAIL_OPENED, Instant.now(), null, "messaging", null));

        JsonNode history =
                get("rep@acme.test", "/api/v1/leads/" + id + "/score-history").get("items");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("reason").asText()).isEqualTo("engagement:activity_completed");
        assertThat(history.get(0).get("newScore").asInt()).isEqualTo(70);
        assertThat(history.get(0).get("newBand").asText()).isEqualTo("hot");
    }

    @Test
    void badEngagementsNameTheFieldAndPublishNothing() {
        String id = createLead("rep@acme.test", ceoOfInitech());
        String path = "/api/v1/leads/" + id + "/engagements";

        assertField(api.as("acme", "rep@acme.test", "POST", path).json(Map.of()).send(), "type");
        assertField(
                api.as("acme", "rep@acme.test", "POST", path)
                        .json(Map.of("type", "carrier_pigeon"))
                        .send(),
                "type");
        assertField(
                api.as("acme", "rep@acme.test", "POST", path)
                        .json(Map.of(
                                "type",
                                "email_opened",
                                "occurredAt",
                                Instant.now().plusSeconds(3600).toString()))
                        .send(),
                "occurredAt");
        assertField(
                api.as("acme", "rep@acme.test", "POST", path)
                        .json(Map.of("type", "email_opened", "occurredAt", "yesterday"))
                        .send(),
                "occurredAt");
        assertField(
                api.as("acme", "rep@acme.test", "POST", path)
                        .json(Map.of("type", "email_opened", "reference", "x".repeat(201)))
                        .send(),
                "reference");

        assertThat(events.of(LeadEngaged.class)
                        .filter(e -> e.leadId().toString().equals(id)))
                .isEmpty();
        assertThat(get("rep@acme.test", "/api/v1/leads/" + id + "/score-history")
                        .get("items"))
                .hasSize(1);
    }

    @Test
    void aPreviewScoresWithADraftAndSavesNothing() {
        String id = createLead("marketing@acme.test", ceoOfInitech());
        int ruleSets = get("marketing@acme.test", "/api/v1/scoring/rule-sets").size();
        Map<String, Object> draft = Map.of(
                "kind",
                "data",
                "rules",
                List.of(
                        Map.of("name", "Everyone", "type", "DEMOGRAPHIC", "points", 33),
                        Map.of(
                                "name",
                                "Americans",
                                "type",
                                "FIRMOGRAPHIC",
                                "points",
                                4,
                                "conditions",
                                List.of(Map.of("field", "COUNTRY", "operator", "EQUALS", "values", List.of("us"))))));

        JsonNode preview = api.as("acme", "marketing@acme.test", "POST", "/api/v1/scoring/preview")
                .json(Map.of("leadId", id, "ruleSet", draft))
                .send()
                .expect(200)
                .json();

        assertThat(preview.get("score").asInt()).isEqualTo(37);
        assertThat(preview.get("band").asText()).isEqualTo("cold");
        assertThat(preview.get("currentScore").asInt()).isEqualTo(65);
        assertThat(firedRules(preview.get("explanation"))).containsExactlyInAnyOrder("Everyone", "Americans");
        assertThat(get("marketing@acme.test", "/api/v1/leads/" + id + "/score")
                        .get("score")
                        .asInt())
                .isEqualTo(65);
        assertThat(get("marketing@acme.test", "/api/v1/leads/" + id + "/score-history")
                        .get("items"))
                .hasSize(1);
        assertThat(get("marketing@acme.test", "/api/v1/scoring/rule-sets").size())
                .isEqualTo(ruleSets);
    }

    @Test
    void aPreviewOfABrokenDraftListsItsProblems() {
        String id = createLead("marketing@acme.test", ceoOfInitech());
        Api.Response r = api.as("acme", "marketing@acme.test", "POST", "/api/v1/scoring/preview")
                .json(Map.of("leadId", id, "ruleSet", Map.of("kind", "drl", "drl", RuleSetLifecycleTest.BROKEN_DRL)))
                .send();
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("problems").get(0).get("rule").asText()).isEqualTo("Odd");
        assertThat(r.json().get("problems").get(0).get("message").asText()).contains("shoeSize");
    }

    @Test
    void aRepNeitherManagesRulesNorPreviews() {
        String id = createLead("rep@acme.test", ceoOfInitech());
        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/scoring/rule-sets")
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.as("acme", "rep@acme.test", "POST", "/api/v1/scoring/rule-sets")
                        .json(ScoringWorkspace.flatRules("Mine", 100, "Everything"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.as("acme", "rep@acme.test", "POST", "/api/v1/scoring/preview")
                        .json(Map.of("leadId", id, "ruleSet", ScoringWorkspace.flatRules("Mine", 100, "Everything")))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/scoring/rescoring-jobs")
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anotherWorkspaceFindsNoScoreHistoryOrEngagements() {
        String id = createLead("rep@acme.test", ceoOfInitech());
        String base = "/api/v1/leads/" + id;
        for (String path : List.of("/score", "/score-history")) {
            assertThat(api.as("globex", "admin@globex.test", "GET", base + path)
                            .send()
                            .status())
                    .as(path)
                    .isEqualTo(404);
        }
        assertThat(api.as("globex", "admin@globex.test", "POST", base + "/engagements")
                        .json(Map.of("type", "email_opened"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.as("globex", "admin@globex.test", "POST", base + "/rescore")
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.as("globex", "admin@globex.test", "POST", "/api/v1/scoring/preview")
                        .json(Map.of("leadId", id, "ruleSet", ScoringWorkspace.flatRules("Probe", 1, "Probe")))
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aRepSeesTheScoresOfTheTeamsLeadsOnlyAndEngagesOnlyTheirOwn() {
        String marketing = userId("marketing@acme.test");
        String rep2 = userId("rep2@acme.test");
        Map<String, Object> outsideTeam = new HashMap<>(ceoOfInitech());
        outsideTeam.put("ownerId", marketing);
        String notMine = createLead("admin@acme.test", outsideTeam);
        Map<String, Object> teammates = new HashMap<>(ceoOfInitech());
        teammates.put("ownerId", rep2);
        String teammate = createLead("admin@acme.test", teammates);

        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/leads/" + notMine + "/score")
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/leads/" + notMine + "/score-history")
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/leads/" + teammate + "/score")
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api.as("acme", "rep@acme.test", "POST", "/api/v1/leads/" + teammate + "/engagements")
                        .json(Map.of("type", "email_opened"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.as("acme", "support@acme.test", "GET", "/api/v1/leads/" + teammate + "/score")
                        .send()
                        .status())
                .as("support agents do not read leads")
                .isEqualTo(403);
    }

    @Test
    void aLeadMarkedUnqualifiedLosesItsPoints() {
        String id = createLead("rep@acme.test", ceoOfInitech());
        patch(id, Map.of("status", "contacted"));
        patch(id, Map.of("status", "unqualified", "unqualifiedReason", "No budget"));

        JsonNode latest = awaitHistory(id, 2).get(0);
        System.err.println("DBG "
                + get("rep@acme.test", "/api/v1/leads/" + id + "/score-history").toPrettyString());
        assertThat(latest.get("reason").asText()).isEqualTo("status_changed:unqualified");
        assertThat(latest.get("newScore").asInt()).isEqualTo(25);
        assertThat(latest.get("newBand").asText()).isEqualTo("cold");
        assertThat(firedRules(latest.get("explanation"))).contains("Unqualified status");
    }

    @Test
    void aManualRescoreKeepsTheScoreWhenNothingChanged() {
        String id = createLead("rep@acme.test", ceoOfInitech());
        JsonNode score = api.as("acme", "rep@acme.test", "POST", "/api/v1/leads/" + id + "/rescore")
                .send()
                .expect(200)
                .json();
        assertThat(score.get("score").asInt()).isEqualTo(65);
        assertThat(get("rep@acme.test", "/api/v1/leads/" + id + "/score-history")
                        .get("items"))
                .hasSize(1);
    }

    static Map<String, Object> ceoOfInitech() {
        return Map.of(
                "firstName", "Jane",
                "company", "Initech",
                "title", "CEO",
                "email", "jane@initech.com",
                "country", "US",
                "companySize", "51-200",
                "source", "referral");
    }

    static List<String> firedRules(JsonNode explanation) {
        List<String> names = new ArrayList<>();
        explanation.get("fired").forEach(f -> names.add(f.get("rule").asText()));
        return names;
    }

    static int pointsOf(JsonNode explanation) {
        return StreamSupport.stream(explanation.get("fired").spliterator(), false)
                .mapToInt(f -> f.get("points").asInt())
                .sum();
    }

    private void engage(String leadId, Map<String, Object> body) {
        api.as("acme", "rep@acme.test", "POST", "/api/v1/leads/" + leadId + "/engagements")
                .json(body)
                .send()
                .expect(202);
    }

    private void patch(String leadId, Map<String, Object> body) {
        api.as("acme", "rep@acme.test", "PATCH", "/api/v1/leads/" + leadId)
                .json(body)
                .send()
                .expect(200);
    }

    private JsonNode awaitHistory(String leadId, int size) {
        return await().atMost(DurableEventProbe.PATIENCE)
                .until(
                        () -> get("rep@acme.test", "/api/v1/leads/" + leadId + "/score-history")
                                .get("items"),
                        items -> items.size() >= size);
    }

    private String createLead(String email, Map<String, Object> body) {
        return api.as("acme", email, "POST", "/api/v1/leads")
                .json(body)
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private JsonNode get(String email, String path) {
        return api.as("acme", email, "GET", path).send().expect(200).json();
    }

    private String userId(String email) {
        return get(email, "/api/v1/me").get("id").asText();
    }
}
