package io.salesflow.deal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class PipelineApiTest {

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InTenant inTenant;

    @Test
    void aNewWorkspaceHasTheDefaultSalesPipelineAndReasons() {
        for (String workspace : List.of("acme", "globex")) {
            JsonNode sales = sales(workspace, "admin@" + workspace + ".test");
            assertThat(sales.get("isDefault").asBoolean()).isTrue();
            assertThat(sales.has("default")).as("one name for the flag").isFalse();
            assertThat(sales.get("stages").findValuesAsText("name"))
                    .containsExactly(
                            "Qualification", "Needs analysis", "Proposal", "Negotiation", "Closed won", "Closed lost");
            assertThat(sales.get("stages").findValues("probability"))
                    .extracting(JsonNode::asInt)
                    .containsExactly(10, 25, 50, 75, 100, 0);
            assertThat(sales.get("stages").findValues("requiresApproval"))
                    .extracting(JsonNode::asBoolean)
                    .as("only Negotiation, where discounts are agreed")
                    .containsExactly(false, false, false, true, false, false);
            JsonNode won = sales.get("stages").get(4);
            assertThat(won.get("closed").asBoolean() && won.get("won").asBoolean())
                    .isTrue();
            JsonNode lost = sales.get("stages").get(5);
            assertThat(lost.get("closed").asBoolean() && !lost.get("won").asBoolean())
                    .isTrue();
        }
        assertThat(reasons("rep@acme.test", "WON").findValuesAsText("label"))
                .containsSequence("Price", "Product fit", "Relationship");
        assertThat(reasons("rep@acme.test", "LOST").findValuesAsText("label"))
                .containsSequence("Price", "Competitor", "No budget", "No decision", "Timing");
    }

    @Test
    void anAdminCreatesAPipelineAndReplacesItsStagesKeepingTheIdsSent() {
        Api.Response created =
                create(pipeline("Renewals " + suffix(), "Open", "Won", "Lost")).expect(201);
        JsonNode pipeline = created.json();
        assertThat(created.header("ETag")).contains("\"0\"");
        assertThat(pipeline.get("isDefault").asBoolean()).isFalse();
        List<String> ids = pipeline.get("stages").findValuesAsText("id");

        List<Map<String, Object>> stages = List.of(
                stage(null, "Discovery", 20, false, false),
                stage(ids.get(0), "Contract sent", 60, false, false),
                stage(ids.get(2), "Lost", 0, true, false),
                stage(ids.get(1), "Signed", 100, true, true));
        JsonNode replaced = put(
                        pipeline.get("id").asText(),
                        Map.of("name", pipeline.get("name").asText(), "stages", stages),
                        created.header("ETag").orElseThrow())
                .expect(200)
                .json();
        assertThat(replaced.get("stages").findValuesAsText("name"))
                .containsExactly("Discovery", "Contract sent", "Lost", "Signed");
        List<String> after = replaced.get("stages").findValuesAsText("id");
        assertThat(after.subList(1, 4)).containsExactly(ids.get(0), ids.get(2), ids.get(1));
        assertThat(after.get(0)).isNotIn(ids);
        assertThat(replaced.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void anOpenStageRequiresAnApprovalUntilAChangeSaysOtherwise() {
        List<Map<String, Object>> stages = stages("Review", "Won", "Lost");
        stages.get(0).put("requiresApproval", true);
        Api.Response created =
                create(Map.of("name", "Approved " + suffix(), "stages", stages)).expect(201);
        JsonNode pipeline = created.json();
        assertThat(pipeline.get("stages").get(0).get("requiresApproval").asBoolean())
                .isTrue();

        String id = pipeline.get("id").asText();
        List<Map<String, Object>> kept = stagesOf(pipeline);
        kept.add(1, stage(null, "Added", 50, false, false));
        JsonNode replaced = put(id, Map.of("name", pipeline.get("name").asText(), "stages", kept), null)
                .expect(200)
                .json();
        assertThat(replaced.get("stages").findValues("requiresApproval"))
                .extracting(JsonNode::asBoolean)
                .as("left out: the stage keeps its setting, a new one has none")
                .containsExactly(true, false, false, false);

        List<Map<String, Object>> off = stagesOf(replaced);
        off.get(0).put("requiresApproval", false);
        assertThat(put(id, Map.of("name", pipeline.get("name").asText(), "stages", off), null)
                        .expect(200)
                        .json()
                        .get("stages")
                        .get(0)
                        .get("requiresApproval")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void badStagesAreFieldErrorsAndNothingIsWritten() {
        int before = count();
        List<Map<String, Object>> okStages = stages("Open", "Won", "Lost");

        assertField(
                create(Map.of("name", "Bad " + suffix(), "stages", replace(okStages, 1, "probability", 150))),
                "stages[1].probability");
        assertField(
                create(Map.of("name", "Bad " + suffix(), "stages", replace(okStages, 0, "name", " "))),
                "stages[0].name");
        assertField(
                create(Map.of("name", "Bad " + suffix(), "stages", replace(okStages, 0, "won", true))),
                "stages[0].won");
        assertField(
                create(Map.of("name", "Bad " + suffix(), "stages", replace(okStages, 2, "name", "OPEN"))),
                "stages[2].name");
        assertField(
                create(Map.of("name", "Bad " + suffix(), "stages", replace(okStages, 2, "requiresApproval", true))),
                "stages[2].requiresApproval");
        assertField(
                create(Map.of("name", "Bad " + suffix(), "stages", replace(okStages, 0, "requiresApproval", "yes"))),
                "stages[0].requiresApproval");
        assertField(create(Map.of("name", "Bad " + suffix(), "stages", stages("Won", "Lost"))), "stages");
        assertField(create(pipeline("Bad " + suffix(), "Open", "Won")), "stages");
        assertField(create(Map.of("name", " ", "stages", okStages)), "name");
        assertField(create(Map.of("name", "Bad " + suffix(), "stages", okStages, "colour", "red")), "colour");
        assertThat(count()).isEqualTo(before);

        JsonNode pipeline = create(pipeline("Kept " + suffix(), "Open", "Won", "Lost"))
                .expect(201)
                .json();
        List<Map<String, Object>> foreign = new ArrayList<>(stages("Open", "Won", "Lost"));
        foreign.set(0, stage(UUID.randomUUID().toString(), "Open", 10, false, false));
        assertField(put(pipeline.get("id").asText(), Map.of("name", "Kept", "stages", foreign), null), "stages[0].id");
        assertThat(get(pipeline.get("id").asText()).get("version").asLong()).isZero();
    }

    @Test
    void aStageWithDealsCannotBeRemovedAndAPipelineWithDealsIsArchivedNotDeleted() {
        JsonNode pipeline = create(pipeline("Used " + suffix(), "First", "Second", "Won", "Lost"))
                .expect(201)
                .json();
        String id = pipeline.get("id").asText();
        String second = pipeline.get("stages").get(1).get("id").asText();
        api.as("acme", "rep@acme.test", "POST", "/api/v1/deals")
                .json(Map.of("name", "In use", "amount", 10, "currency", "EUR", "pipelineId", id, "stageId", second))
                .send()
                .expect(201);

        List<Map<String, Object>> withoutSecond = new ArrayList<>();
        for (int i : new int[] {0, 2, 3}) {
            JsonNode s = pipeline.get("stages").get(i);
            withoutSecond.add(stage(
                    s.get("id").asText(),
                    s.get("name").asText(),
                    s.get("probability").asInt(),
                    s.get("closed").asBoolean(),
                    s.get("won").asBoolean()));
        }
        Api.Response removed = put(id, Map.of("name", "Used", "stages", withoutSecond), null);
        assertThat(removed.status()).isEqualTo(409);
        assertThat(removed.json().get("field").asText()).isEqualTo("stages[1]");
        assertThat(removed.json().get("detail").asText()).contains("Second");

        assertThat(api.as("acme", "admin@acme.test", "DELETE", "/api/v1/pipelines/" + id)
                        .send()
                        .status())
                .isEqualTo(409);
        Map<String, Object> archive =
                new HashMap<>(Map.of("name", pipeline.get("name").asText(), "archived", true));
        archive.put("stages", stagesOf(pipeline));
        assertThat(put(id, archive, null).expect(200).json().get("archived").asBoolean())
                .isTrue();
        Api.Response intoArchived = api.as("acme", "rep@acme.test", "POST", "/api/v1/deals")
                .json(Map.of("name", "Too late", "amount", 10, "currency", "EUR", "pipelineId", id))
                .send();
        assertField(intoArchived, "pipelineId");
    }

    @Test
    void anUnusedPipelineIsDeletedButTheDefaultIsNot() {
        String id = create(pipeline("Short-lived " + suffix(), "Open", "Won", "Lost"))
                .expect(201)
                .json()
                .get("id")
                .asText();
        api.as("acme", "admin@acme.test", "DELETE", "/api/v1/pipelines/" + id)
                .send()
                .expect(204);
        api.as("acme", "admin@acme.test", "GET", "/api/v1/pipelines/" + id)
                .send()
                .expect(404);
        String sales = sales("acme", "admin@acme.test").get("id").asText();
        assertThat(api.as("acme", "admin@acme.test", "DELETE", "/api/v1/pipelines/" + sales)
                        .send()
                        .status())
                .isEqualTo(409);
    }

    @Test
    void theDefaultMovesOnlyByGivingItToAnotherPipeline() {
        JsonNode sales = sales("acme", "admin@acme.test");
        JsonNode other = create(Map.of(
                        "name", "Enterprise " + suffix(), "isDefault", true, "stages", stages("Open", "Won", "Lost")))
                .expect(201)
                .json();
        try {
            assertThat(other.get("isDefault").asBoolean()).isTrue();
            assertThat(get(sales.get("id").asText()).get("isDefault").asBoolean())
                    .isFalse();
            Map<String, Object> undefault =
                    new HashMap<>(Map.of("name", other.get("name").asText(), "isDefault", false));
            undefault.put("stages", stagesOf(other));
            assertField(put(other.get("id").asText(), undefault, null), "isDefault");
        } finally {
            Map<String, Object> back = new HashMap<>(Map.of("name", "Sales", "isDefault", true));
            back.put("stages", stagesOf(sales));
            put(sales.get("id").asText(), back, null).expect(200);
        }
        long defaults = list("admin@acme.test").findValues("isDefault").stream()
                .filter(JsonNode::asBoolean)
                .count();
        assertThat(defaults).isEqualTo(1);
    }

    @Test
    void aStaleETagIsRefused() {
        Api.Response created = create(pipeline("Versioned " + suffix(), "Open", "Won", "Lost"));
        JsonNode pipeline = created.expect(201).json();
        String etag = created.header("ETag").orElseThrow();
        Map<String, Object> body = Map.of("name", pipeline.get("name").asText(), "stages", stagesOf(pipeline));
        put(pipeline.get("id").asText(), body, etag).expect(200);
        Api.Response stale = put(pipeline.get("id").asText(), body, etag);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("currentETag").asText()).isEqualTo("\"1\"");
    }

    @Test
    void onlyWorkspaceAdminsConfigurePipelinesAndReasons() {
        String sales = sales("acme", "rep@acme.test").get("id").asText();
        assertThat(api.as("acme", "rep@acme.test", "POST", "/api/v1/pipelines")
                        .json(pipeline("Mine", "Open", "Won", "Lost"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.as("acme", "manager@acme.test", "PUT", "/api/v1/pipelines/" + sales)
                        .json(pipeline("Sales", "Open", "Won", "Lost"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.as("acme", "rep@acme.test", "DELETE", "/api/v1/pipelines/" + sales)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.as("acme", "rep@acme.test", "POST", "/api/v1/deal-reasons")
                        .json(Map.of("kind", "WON", "label", "Luck"))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.as("acme", "marketing@acme.test", "GET", "/api/v1/pipelines")
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.as("acme", "finance@acme.test", "GET", "/api/v1/pipelines/" + sales)
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anotherWorkspaceCannotSeeOrChangeThem() {
        String sales = sales("acme", "admin@acme.test").get("id").asText();
        String reason = reasons("admin@acme.test", "WON").get(0).get("id").asText();
        assertThat(list("admin@globex.test").findValuesAsText("id")).doesNotContain(sales);
        for (Api.Call call : List.of(
                api.as("globex", "admin@globex.test", "GET", "/api/v1/pipelines/" + sales),
                api.as("globex", "admin@globex.test", "PUT", "/api/v1/pipelines/" + sales)
                        .json(pipeline("Sales", "Open", "Won", "Lost")),
                api.as("globex", "admin@globex.test", "DELETE", "/api/v1/pipelines/" + sales),
                api.as("globex", "admin@globex.test", "GET", "/api/v1/deal-reasons/" + reason),
                api.as("globex", "admin@globex.test", "PUT", "/api/v1/deal-reasons/" + reason)
                        .json(Map.of("kind", "WON", "label", "Mine")))) {
            assertThat(call.send().status()).isEqualTo(404);
        }
        assertThat(api.as("globex", "admin@globex.test", "GET", "/api/v1/deal-reasons")
                        .send()
                        .expect(200)
                        .json()
                        .findValuesAsText("id"))
                .doesNotContain(reason);
    }

    @Test
    void reasonsAreAddedRenamedAndRetiredButKeepTheirKind() {
        String label = "Referral " + suffix();
        Api.Response created = api.as("acme", "admin@acme.test", "POST", "/api/v1/deal-reasons")
                .json(Map.of("kind", "WON", "label", label))
                .send()
                .expect(201);
        JsonNode reason = created.json();
        assertThat(reason.get("active").asBoolean()).isTrue();
        assertThat(reason.get("position").asInt()).isGreaterThanOrEqualTo(3);
        String path = "/api/v1/deal-reasons/" + reason.get("id").asText();

        Api.Response duplicate = api.as("acme", "admin@acme.test", "POST", "/api/v1/deal-reasons")
                .json(Map.of("kind", "WON", "label", label.toUpperCase()))
                .send();
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("field").asText()).isEqualTo("label");
        assertField(
                api.as("acme", "admin@acme.test", "PUT", path)
                        .json(Map.of("kind", "LOST", "label", label))
                        .send(),
                "kind");
        assertField(
                api.as("acme", "admin@acme.test", "POST", "/api/v1/deal-reasons")
                        .json(Map.of("kind", "MAYBE", "label", "Hm"))
                        .send(),
                "kind");

        JsonNode retired = api.as("acme", "admin@acme.test", "PUT", path)
                .header("If-Match", created.header("ETag").orElseThrow())
                .json(Map.of("kind", "WON", "label", label, "active", false))
                .send()
                .expect(200)
                .json();
        assertThat(retired.get("active").asBoolean()).isFalse();
        assertThat(api.as("acme", "admin@acme.test", "PUT", path)
                        .header("If-Match", created.header("ETag").orElseThrow())
                        .json(Map.of("kind", "WON", "label", label, "active", true))
                        .send()
                        .status())
                .isEqualTo(412);
    }

    static Map<String, Object> pipeline(String name, String... stageNames) {
        return Map.of("name", name, "stages", stages(stageNames));
    }

    /** Open stages, then (by name) a won stage named "Won…" and a lost stage named "Lost…". */
    static List<Map<String, Object>> stages(String... names) {
        List<Map<String, Object>> stages = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            boolean won = names[i].startsWith("Won");
            boolean lost = names[i].startsWith("Lost");
            stages.add(stage(null, names[i], won ? 100 : lost ? 0 : 10 * (i + 1), won || lost, won));
        }
        return stages;
    }

    static Map<String, Object> stage(String id, String name, int probability, boolean closed, boolean won) {
        Map<String, Object> stage = new HashMap<>();
        if (id != null) {
            stage.put("id", id);
        }
        stage.put("name", name);
        stage.put("probability", probability);
        stage.put("closed", closed);
        stage.put("won", won);
        return stage;
    }

    private static List<Map<String, Object>> stagesOf(JsonNode pipeline) {
        List<Map<String, Object>> stages = new ArrayList<>();
        for (JsonNode s : pipeline.get("stages")) {
            stages.add(stage(
                    s.get("id").asText(),
                    s.get("name").asText(),
                    s.get("probability").asInt(),
                    s.get("closed").asBoolean(),
                    s.get("won").asBoolean()));
        }
        return stages;
    }

    private static List<Map<String, Object>> replace(
            List<Map<String, Object>> stages, int index, String field, Object value) {
        List<Map<String, Object>> copy = new ArrayList<>();
        stages.forEach(s -> copy.add(new HashMap<>(s)));
        copy.get(index).put(field, value);
        return copy;
    }

    private JsonNode sales(String workspace, String email) {
        for (JsonNode p : api.as(workspace, email, "GET", "/api/v1/pipelines")
                .send()
                .expect(200)
                .json()) {
            if (p.get("name").asText().equals("Sales")) {
                return p;
            }
        }
        throw new AssertionError("no Sales pipeline in " + workspace);
    }

    private JsonNode reasons(String email, String kind) {
        return api.as("acme", email, "GET", "/api/v1/deal-reasons?kind=" + kind)
                .send()
                .expect(200)
                .json();
    }

    private JsonNode list(String email) {
        String workspace = email.substring(email.indexOf('@') + 1, email.indexOf('.'));
        return api.as(workspace, email, "GET", "/api/v1/pipelines")
                .send()
                .expect(200)
                .json();
    }

    private JsonNode get(String id) {
        return api.as("acme", "admin@acme.test", "GET", "/api/v1/pipelines/" + id)
                .send()
                .expect(200)
                .json();
    }

    private Api.Response create(Map<String, Object> body) {
        return api.as("acme", "admin@acme.test", "POST", "/api/v1/pipelines")
                .json(body)
                .send();
    }

    private Api.Response put(String id, Map<String, Object> body, String etag) {
        Api.Call call = api.as("acme", "admin@acme.test", "PUT", "/api/v1/pipelines/" + id)
                .json(body);
        if (etag != null) {
            call.header("If-Match", etag);
        }
        return call.send();
    }

    private int count() {
        return inTenant.call("acme", () -> jdbc.queryForObject("SELECT count(*) FROM pipelines", Integer.class));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    static void assertField(Api.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("field").asText())
                .as(r.body())
                .isEqualTo(field);
    }
}
