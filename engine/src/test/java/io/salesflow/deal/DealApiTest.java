package io.salesflow.deal;

import static io.salesflow.deal.PipelineApiTest.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.identity.Caller;
import io.salesflow.identity.Scope;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.RecordEndpoint;
import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@IntegrationTest
@RecordApplicationEvents
class DealApiTest {

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InTenant inTenant;

    @Autowired
    ApplicationEvents events;

    @Test
    void aRepCreatesADealInTheFirstStageOfTheDefaultPipeline() {
        String account = api.as("acme", "rep@acme.test", "POST", "/api/v1/accounts")
                .json(Map.of("name", "Dealco", "domain", "dealco.example"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        Api.Response created = create(
                        "rep@acme.test",
                        Map.of(
                                "name",
                                "  Dealco rollout ",
                                "amount",
                                12000.5,
                                "currency",
                                "eur",
                                "accountId",
                                account,
                                "expectedCloseDate",
                                "2030-05-31",
                                "tags",
                                List.of("Q2")))
                .expect(201);
        JsonNode deal = created.json();
        assertThat(created.header("ETag")).contains("\"0\"");
        assertThat(deal.get("name").asText()).isEqualTo("Dealco rollout");
        assertThat(deal.get("amount").decimalValue()).isEqualByComparingTo("12000.50");
        assertThat(deal.get("currency").asText()).isEqualTo("EUR");
        assertThat(deal.get("status").asText()).isEqualTo("open");
        assertThat(deal.get("pipelineId").asText()).isEqualTo(sales().id());
        assertThat(deal.get("stageId").asText()).isEqualTo(sales().stage("Qualification"));
        assertThat(deal.get("probability").asInt()).isEqualTo(10);
        assertThat(deal.get("weightedAmount").decimalValue()).isEqualByComparingTo("1200.05");
        assertThat(deal.get("expectedCloseDate").asText()).isEqualTo("2030-05-31");
        assertThat(deal.get("stageEnteredAt").isNull()).isFalse();
        assertThat(deal.get("closedAt").isNull()).isTrue();
        assertThat(deal.get("ownerId").asText()).isEqualTo(userId("rep@acme.test"));

        JsonNode embedded = get("rep@acme.test", deal.get("id").asText(), "?embed=account,pipeline,stage,owner");
        assertThat(embedded.get("account").get("name").asText()).isEqualTo("Dealco");
        assertThat(embedded.get("pipeline").get("name").asText()).isEqualTo("Sales");
        assertThat(embedded.get("stage").get("name").asText()).isEqualTo("Qualification");
        assertThat(embedded.get("stage").get("probability").asInt()).isEqualTo(10);
        assertThat(embedded.get("owner").get("email").asText()).isEqualTo("rep@acme.test");
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        Pipeline other = otherPipeline();
        String wonReason = reason("WON", "Price");
        int before = count();
        assertField(create("rep@acme.test", deal(Map.of("currency", "EURO"))), "currency");
        assertField(create("rep@acme.test", deal(Map.of("currency", "ABC"))), "currency");
        assertField(create("rep@acme.test", deal(Map.of("amount", 10.125))), "amount");
        assertField(create("rep@acme.test", deal(Map.of("amount", "10.125"))), "amount");
        assertField(create("rep@acme.test", deal(Map.of("amount", -1))), "amount");
        assertField(create("rep@acme.test", deal(Map.of("amount", "lots"))), "amount");
        assertField(create("rep@acme.test", deal(Map.of("amount", "1e999999999"))), "amount");
        assertField(create("rep@acme.test", deal(Map.of("stageId", other.stage("Open")))), "stageId");
        assertField(
                create("rep@acme.test", deal(Map.of("stageId", UUID.randomUUID().toString()))), "stageId");
        assertField(
                create(
                        "rep@acme.test",
                        deal(Map.of("pipelineId", UUID.randomUUID().toString()))),
                "pipelineId");
        assertField(create("rep@acme.test", deal(Map.of("status", "won"))), "wonReasonId");
        assertField(create("rep@acme.test", deal(Map.of("status", "lost", "lostReasonId", wonReason))), "lostReasonId");
        assertField(create("rep@acme.test", deal(Map.of("wonReasonId", wonReason))), "wonReasonId");
        assertField(create("rep@acme.test", deal(Map.of("status", "pending"))), "status");
        assertField(create("rep@acme.test", deal(Map.of("probability", 101))), "probability");
        assertField(create("rep@acme.test", deal(Map.of("weightedAmount", 5))), "weightedAmount");
        assertField(
                create(
                        "rep@acme.test",
                        deal(Map.of("accountId", UUID.randomUUID().toString()))),
                "accountId");
        assertField(create("rep@acme.test", deal(Map.of("expectedCloseDate", "soon"))), "expectedCloseDate");
        assertField(create("rep@acme.test", deal(Map.of("colour", "red"))), "colour");
        assertField(create("rep@acme.test", Map.of("name", "No money", "currency", "EUR")), "amount");
        assertThat(count()).isEqualTo(before);

        Api.Response created = create("rep@acme.test", deal(Map.of()));
        String id = created.expect(201).json().get("id").asText();
        assertField(patch("rep@acme.test", id, Map.of("stageId", sales().stage("Closed won")), null), "wonReasonId");
        assertField(patch("rep@acme.test", id, Collections.singletonMap("stageId", null), null), "stageId");
        assertThat(get("rep@acme.test", id, "").get("version").asLong()).isZero();
    }

    @Test
    void movingToAStageTakesItsProbabilityUnlessOneIsGiven() {
        JsonNode created = create("rep@acme.test", deal(Map.of("amount", 1000)))
                .expect(201)
                .json();
        String id = created.get("id").asText();
        Instant entered = Instant.parse(created.get("stageEnteredAt").asText());

        JsonNode proposal = patch("rep@acme.test", id, Map.of("stageId", sales().stage("Proposal")), null)
                .expect(200)
                .json();
        assertThat(proposal.get("probability").asInt()).isEqualTo(50);
        assertThat(proposal.get("weightedAmount").decimalValue()).isEqualByComparingTo("500");
        assertThat(Instant.parse(proposal.get("stageEnteredAt").asText())).isAfter(entered);

        JsonNode negotiated = patch(
                        "rep@acme.test", id, Map.of("stageId", sales().stage("Negotiation"), "probability", 60), null)
                .expect(200)
                .json();
        assertThat(negotiated.get("probability").asInt()).isEqualTo(60);
        JsonNode renamed = patch("rep@acme.test", id, Map.of("name", "Renamed"), null)
                .expect(200)
                .json();
        assertThat(renamed.get("stageEnteredAt").asText())
                .isEqualTo(negotiated.get("stageEnteredAt").asText());
        assertThat(renamed.get("probability").asInt()).isEqualTo(60);
        JsonNode reset = patch("rep@acme.test", id, Collections.singletonMap("probability", null), null)
                .expect(200)
                .json();
        assertThat(reset.get("probability").asInt()).isEqualTo(75);
        assertThat(reset.get("weightedAmount").decimalValue()).isEqualByComparingTo("750");
    }

    @Test
    void dealsAreWonLostReopenedAndAbandoned() {
        String id = create("rep@acme.test", deal(Map.of("amount", 999.99)))
                .expect(201)
                .json()
                .get("id")
                .asText();

        JsonNode won = patch(
                        "rep@acme.test",
                        id,
                        Map.of("stageId", sales().stage("Closed won"), "wonReasonId", reason("WON", "Product fit")),
                        null)
                .expect(200)
                .json();
        assertThat(won.get("status").asText()).isEqualTo("won");
        assertThat(won.get("closedAt").isNull()).isFalse();
        assertThat(won.get("probability").asInt()).isEqualTo(100);
        assertThat(won.get("weightedAmount").decimalValue()).isEqualByComparingTo("999.99");
        assertField(patch("rep@acme.test", id, Map.of("status", "abandoned"), null), "status");

        JsonNode reopened = patch("rep@acme.test", id, Map.of("stageId", sales().stage("Proposal")), null)
                .expect(200)
                .json();
        assertThat(reopened.get("status").asText()).isEqualTo("open");
        assertThat(reopened.get("closedAt").isNull()).isTrue();
        assertThat(reopened.get("wonReasonId").isNull()).isTrue();

        JsonNode lost = patch(
                        "rep@acme.test",
                        id,
                        Map.of("status", "lost", "lostReasonId", reason("LOST", "Competitor")),
                        null)
                .expect(200)
                .json();
        assertThat(lost.get("stageId").asText()).isEqualTo(sales().stage("Closed lost"));
        assertThat(lost.get("probability").asInt()).isZero();
        assertThat(lost.get("weightedAmount").decimalValue()).isEqualByComparingTo("0");

        JsonNode open = patch("rep@acme.test", id, Map.of("status", "open"), null)
                .expect(200)
                .json();
        assertThat(open.get("stageId").asText()).isEqualTo(sales().stage("Qualification"));
        assertThat(open.get("lostReasonId").isNull()).isTrue();
        assertThat(open.get("closedAt").isNull()).isTrue();

        JsonNode abandoned = patch("rep@acme.test", id, Map.of("status", "abandoned"), null)
                .expect(200)
                .json();
        assertThat(abandoned.get("status").asText()).isEqualTo("abandoned");
        assertThat(abandoned.get("stageId").asText()).isEqualTo(sales().stage("Qualification"));
        assertThat(abandoned.get("closedAt").isNull()).isFalse();
        assertThat(abandoned.get("lostReasonId").isNull()).isTrue();

        JsonNode wonDirectly = patch(
                        "rep@acme.test",
                        id,
                        Map.of("status", "won", "wonReasonId", reason("WON", "Relationship")),
                        null)
                .expect(200)
                .json();
        assertThat(wonDirectly.get("stageId").asText()).isEqualTo(sales().stage("Closed won"));
        assertThat(wonDirectly.get("status").asText()).isEqualTo("won");
    }

    @Test
    void changesArePublishedAsEvents(@Autowired Deals deals, @Autowired Tenants tenants, @Autowired ObjectMapper json) {
        UUID acme = tenants.findBySlug("acme").orElseThrow().getId();
        UUID rep = UUID.fromString(userId("rep@acme.test"));
        Caller caller = new Caller(
                Caller.Kind.USER,
                rep,
                rep,
                acme,
                "acme",
                "rep@acme.test",
                Set.of("sales_rep"),
                Map.of("deals:read", Scope.TEAM, "deals:write", Scope.OWN),
                Set.of(),
                null);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(caller, null));
        UUID id;
        try {
            id = TenantContext.callAs(acme, () -> {
                UUID created = (UUID)
                        deals.create(body(json, deal(Map.of("amount", 5000)))).get("id");
                deals.change(created, body(json, Map.of("stageId", sales().stage("Proposal"))), null);
                deals.change(created, body(json, Map.of("status", "won", "wonReasonId", reason("WON", "Price"))), null);
                deals.change(
                        created, body(json, Map.of("status", "lost", "lostReasonId", reason("LOST", "Timing"))), null);
                return created;
            });
        } finally {
            SecurityContextHolder.clearContext();
        }
        UUID qualification = UUID.fromString(sales().stage("Qualification"));
        UUID proposal = UUID.fromString(sales().stage("Proposal"));
        assertThat(events.stream(DealCreated.class))
                .containsExactly(new DealCreated(acme, id, UUID.fromString(sales().id()), qualification, rep));
        assertThat(events.stream(DealStageChanged.class))
                .containsExactly(
                        new DealStageChanged(acme, id, qualification, proposal),
                        new DealStageChanged(acme, id, proposal, UUID.fromString(sales().stage("Closed won"))),
                        new DealStageChanged(
                                acme,
                                id,
                                UUID.fromString(sales().stage("Closed won")),
                                UUID.fromString(sales().stage("Closed lost"))));
        assertThat(events.stream(DealWon.class))
                .containsExactly(new DealWon(acme, id, new BigDecimal("5000.00"), "EUR"));
        assertThat(events.stream(DealLost.class))
                .containsExactly(new DealLost(acme, id, UUID.fromString(reason("LOST", "Timing"))));
    }

    @Test
    void listsFilterByAmountStatusPipelineAndCloseDateAndSortByWeightedAmount() {
        String tag = "l" + UUID.randomUUID().toString().substring(0, 6);
        Pipeline other = otherPipeline();
        String a = id(create("rep@acme.test", tagged(tag, 500, Map.of("expectedCloseDate", "2030-01-15"))));
        String b = id(create(
                "rep@acme.test",
                tagged(tag, 2000, Map.of("expectedCloseDate", "2030-03-01", "stageId", sales().stage("Proposal")))));
        String c = id(create(
                "rep@acme.test",
                tagged(tag, 8000, Map.of("expectedCloseDate", "2030-06-30", "stageId", sales().stage("Negotiation")))));
        String d = id(create(
                "rep@acme.test", tagged(tag, 3000, Map.of("status", "won", "wonReasonId", reason("WON", "Price")))));
        String e = id(create("rep@acme.test", tagged(tag, 1000, Map.of("pipelineId", other.id()))));

        assertThat(ids("?tags[has]=" + tag + "&amount[gte]=1000")).containsExactlyInAnyOrder(b, c, d, e);
        assertThat(ids("?tags[has]=" + tag + "&status=won")).containsExactly(d);
        assertThat(ids("?tags[has]=" + tag + "&pipelineId=" + other.id())).containsExactly(e);
        assertThat(ids("?tags[has]=" + tag + "&expectedCloseDate[lte]=2030-03-01"))
                .containsExactlyInAnyOrder(a, b);
        assertThat(ids("?tags[has]=" + tag + "&sort=-weightedAmount")).containsExactly(c, d, b, e, a);
        assertThat(ids("?tags[has]=" + tag + "&sort=-weightedAmount&weightedAmount[lt]=1000&limit=1"))
                .containsExactly(e);
    }

    @Test
    void aDeletedDealDisappearsAndComesBack() {
        String tag = "d" + UUID.randomUUID().toString().substring(0, 6);
        String id = id(create("rep@acme.test", tagged(tag, 100, Map.of())));
        api.as("acme", "rep@acme.test", "DELETE", "/api/v1/deals/" + id).send().expect(204);
        api.as("acme", "rep@acme.test", "GET", "/api/v1/deals/" + id).send().expect(404);
        assertThat(ids("?tags[has]=" + tag)).isEmpty();
        api.as("acme", "rep@acme.test", "POST", "/api/v1/deals/" + id + "/restore")
                .send()
                .expect(200);
        assertThat(ids("?tags[has]=" + tag)).containsExactly(id);
    }

    @Test
    void everyChangeIsInTheFieldHistory() {
        String id = id(create("rep@acme.test", deal(Map.of("amount", 100))));
        patch("rep@acme.test", id, Map.of("stageId", sales().stage("Proposal")), null)
                .expect(200);
        patch("rep@acme.test", id, Map.of("amount", 250), null).expect(200);
        JsonNode history = api.as("acme", "rep@acme.test", "GET", "/api/v1/deals/" + id + "/history")
                .send()
                .expect(200)
                .json()
                .get("items");
        assertThat(history.get(0).get("field").asText()).isEqualTo("amount");
        assertThat(history.get(0).get("before").decimalValue()).isEqualByComparingTo("100");
        assertThat(history.get(0).get("after").decimalValue()).isEqualByComparingTo("250");
        assertThat(history.findValuesAsText("field")).contains("stageId", "probability", "stageEnteredAt", "name");
    }

    @Test
    void twoUpdatesWithTheSameETagLetOnlyOneThrough() {
        Api.Response created = create("rep@acme.test", deal(Map.of()));
        String id = id(created);
        String etag = created.header("ETag").orElseThrow();
        Api.Response first = patch("rep@acme.test", id, Map.of("amount", 1), etag);
        Api.Response second = patch("rep@acme.test", id, Map.of("amount", 2), etag);
        assertThat(List.of(first.status(), second.status())).containsExactlyInAnyOrder(200, 412);
        assertThat(get("rep@acme.test", id, "").get("amount").decimalValue()).isEqualByComparingTo("1");
    }

    @Test
    void amountsKeepEveryDigit() {
        String id = id(create("rep@acme.test", deal(Map.of("amount", new BigDecimal("9999999999999999.99")))));
        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/deals/" + id)
                        .send()
                        .expect(200)
                        .body())
                .contains("\"amount\":9999999999999999.99");
        assertField(create("rep@acme.test", deal(Map.of("amount", new BigDecimal("10000000000000000")))), "amount");
    }

    /** The Sales pipeline of acme, by stage name. */
    record Pipeline(String id, Map<String, String> stages) {
        String stage(String name) {
            return stages.get(name);
        }
    }

    private Pipeline sales() {
        for (JsonNode p : api.as("acme", "rep@acme.test", "GET", "/api/v1/pipelines")
                .send()
                .expect(200)
                .json()) {
            if (p.get("name").asText().equals("Sales")) {
                return pipeline(p);
            }
        }
        throw new AssertionError("no Sales pipeline");
    }

    private Pipeline otherPipeline() {
        return pipeline(api.as("acme", "admin@acme.test", "POST", "/api/v1/pipelines")
                .json(PipelineApiTest.pipeline(
                        "Other " + UUID.randomUUID().toString().substring(0, 6), "Open", "Won", "Lost"))
                .send()
                .expect(201)
                .json());
    }

    private static Pipeline pipeline(JsonNode p) {
        Map<String, String> stages = new HashMap<>();
        p.get("stages")
                .forEach(s -> stages.put(s.get("name").asText(), s.get("id").asText()));
        return new Pipeline(p.get("id").asText(), stages);
    }

    private String reason(String kind, String label) {
        for (JsonNode r : api.as("acme", "rep@acme.test", "GET", "/api/v1/deal-reasons?kind=" + kind)
                .send()
                .expect(200)
                .json()) {
            if (r.get("label").asText().equals(label)) {
                return r.get("id").asText();
            }
        }
        throw new AssertionError("no " + kind + " reason " + label);
    }

    private static Map<String, Object> deal(Map<String, Object> with) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Deal", "amount", 100, "currency", "EUR"));
        body.putAll(with);
        return body;
    }

    private static Map<String, Object> tagged(String tag, int amount, Map<String, Object> with) {
        Map<String, Object> body = deal(with);
        body.put("amount", amount);
        body.put("tags", List.of(tag));
        return body;
    }

    private static ObjectNode body(ObjectMapper json, Map<String, Object> fields) {
        return json.valueToTree(fields);
    }

    private List<String> ids(String query) {
        return api.as("acme", "rep@acme.test", "GET", "/api/v1/deals" + query)
                .send()
                .expect(200)
                .json()
                .get("items")
                .findValuesAsText("id");
    }

    private Api.Response create(String email, Map<String, Object> body) {
        return endpoint().create(email, body);
    }

    private Api.Response patch(String email, String id, Map<String, Object> body, String etag) {
        return endpoint().patch(email, id, body, etag);
    }

    private JsonNode get(String email, String id, String query) {
        return endpoint().get(email, id + query);
    }

    private static String id(Api.Response r) {
        return r.expect(201).json().get("id").asText();
    }

    private String userId(String email) {
        return api.as("acme", email, "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();
    }

    private int count() {
        return inTenant.call("acme", () -> jdbc.queryForObject("SELECT count(*) FROM deals", Integer.class));
    }

    private RecordEndpoint endpoint() {
        return new RecordEndpoint(api, "/api/v1/deals");
    }
}
