package io.salesflow.deal;

import static io.salesflow.deal.ApprovalFixture.REP;
import static io.salesflow.deal.PipelineApiTest.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.platform.problem.Problem;
import io.salesflow.support.Api;
import io.salesflow.support.DurableEventProbe;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.PublishedEvents;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The approval gate as a rep meets it through the deal API: asking, being held back, moving back, moving on. */
@IntegrationTest
class DealApprovalApiTest {

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    DealApprovals approvals;

    @Autowired
    PublishedEvents events;

    @Autowired
    DurableEventProbe probe;

    @Autowired
    JdbcTemplate jdbc;

    ApprovalFixture f;

    @BeforeEach
    void fixture() {
        f = new ApprovalFixture(api, inTenant, approvals);
    }

    @Test
    void enteringAStageThatRequiresAnApprovalAsksForOneAndAnnouncesItDurably() {
        String id = f.deal("Quote", Map.of("discountPercent", 15, "marginPercent", "22.5", "region", "emea"));
        JsonNode deal = f.moveTo(id, "Review").expect(200).json();
        assertThat(deal.get("approvalStatus").asText()).isEqualTo("PENDING");
        assertThat(deal.get("discountPercent").decimalValue()).isEqualByComparingTo("15");
        assertThat(deal.get("marginPercent").decimalValue()).isEqualByComparingTo("22.5");
        assertThat(deal.get("region").asText()).isEqualTo("EMEA");
        UUID approval = UUID.fromString(deal.get("approvalId").asText());

        DealApprovalRequested requested = events.of(DealApprovalRequested.class)
                .filter(e -> e.approvalId().equals(approval))
                .findFirst()
                .orElseThrow();
        assertThat(requested)
                .isEqualTo(new DealApprovalRequested(
                        requested.tenantId(),
                        UUID.fromString(id),
                        approval,
                        UUID.fromString(f.pipelineId),
                        UUID.fromString(f.stage("Review")),
                        UUID.fromString(f.stage("Quote")),
                        new BigDecimal("40000.00"),
                        "EUR",
                        new BigDecimal("15.00"),
                        new BigDecimal("22.50"),
                        "EMEA",
                        f.userId(REP)));
        await().atMost(DurableEventProbe.PATIENCE).until(() -> probe.handled(approval));
        // one publication for the probe, one for the trigger that starts the approval process
        await().atMost(DurableEventProbe.PATIENCE).until(() -> completedPublications(approval) == 2);

        JsonNode listed = f.approvalsOf(id);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asText()).isEqualTo(approval.toString());
        assertThat(listed.get(0).get("status").asText()).isEqualTo("PENDING");
        assertThat(listed.get(0).get("stageId").asText()).isEqualTo(f.stage("Review"));
        assertThat(listed.get(0).get("previousStageId").asText()).isEqualTo(f.stage("Quote"));
        assertThat(listed.get(0).get("requestedAt").isNull()).isFalse();
        assertThat(listed.get(0).get("decidedAt").isNull()).isTrue();
        assertThat(listed.get(0).get("decisions")).isEmpty();

        String createdThere = f.deal("Review", Map.of());
        assertThat(f.get(createdThere).get("approvalStatus").asText()).isEqualTo("PENDING");
        assertThat(f.approvalsOf(createdThere).get(0).get("previousStageId").isNull())
                .isTrue();
    }

    @Test
    void whilePendingTheDealNeitherMovesOnNorIsWonAndNothingChanges() {
        String id = f.deal("Review", Map.of());
        UUID approval = f.approvalId(id);
        JsonNode before = f.get(id);

        assertHeld(f.moveTo(id, "Contract"), approval, "approval-pending");
        assertHeld(
                f.patch(id, Map.of("stageId", f.stage("Won"), "wonReasonId", f.reason("WON"))),
                approval,
                "approval-pending");
        assertHeld(f.patch(id, Map.of("status", "won", "wonReasonId", f.reason("WON"))), approval, "approval-pending");

        JsonNode after = f.get(id);
        assertThat(after.get("version")).isEqualTo(before.get("version"));
        assertThat(after.get("stageId")).isEqualTo(before.get("stageId"));
        assertThat(after.get("status").asText()).isEqualTo("open");
        assertThat(f.approvalsOf(id).findValuesAsText("status")).containsExactly("PENDING");
    }

    @Test
    void theDefaultPipelineHoldsADealInNegotiationUntilItIsApproved() {
        JsonNode sales = null;
        for (JsonNode p : api.as("acme", REP, "GET", "/api/v1/pipelines")
                .send()
                .expect(200)
                .json()) {
            if (p.get("name").asText().equals("Sales")) {
                sales = p;
            }
        }
        String negotiation = sales.get("stages").get(3).get("id").asText();
        String id = f.create(Map.of(
                        "name",
                        "Negotiated",
                        "amount",
                        900,
                        "discountPercent",
                        15,
                        "currency",
                        "EUR",
                        "pipelineId",
                        sales.get("id").asText(),
                        "stageId",
                        negotiation))
                .expect(201)
                .json()
                .get("id")
                .asText();
        assertHeld(
                f.patch(id, Map.of("status", "won", "wonReasonId", f.reason("WON"))),
                f.approvalId(id),
                "approval-pending");
    }

    @Test
    void movingBackWithdrawsThePendingApprovalAndComingBackAsksAgain() {
        String id = f.deal("Quote", Map.of());
        f.moveTo(id, "Review").expect(200);
        UUID first = f.approvalId(id);

        JsonNode back = f.moveTo(id, "Quote").expect(200).json();
        assertThat(back.get("approvalStatus").isNull()).isTrue();
        assertThat(back.get("approvalId").isNull()).isTrue();
        assertThat(events.of(DealApprovalWithdrawn.class)
                        .filter(e -> e.approvalId().equals(first)))
                .extracting(DealApprovalWithdrawn::reason)
                .containsExactly(DealApprovalWithdrawn.MOVED_BACK);

        f.moveTo(id, "Review").expect(200);
        UUID second = f.approvalId(id);
        assertThat(second).isNotEqualTo(first);
        JsonNode listed = f.approvalsOf(id);
        assertThat(listed.findValuesAsText("id")).containsExactly(second.toString(), first.toString());
        assertThat(listed.findValuesAsText("status")).containsExactly("PENDING", "WITHDRAWN");
        assertThat(listed.get(1).get("reason").asText()).isEqualTo("moved_back");
        assertThat(listed.get(1).get("decidedAt").isNull()).isFalse();

        f.patch(id, Map.of("status", "lost", "lostReasonId", f.reason("LOST"))).expect(200);
        assertThat(f.approvalsOf(id).get(0).get("reason").asText()).isEqualTo("lost");
    }

    @Test
    void anApprovedDealMovesOnAndIsWon() {
        String id = f.deal("Review", Map.of());
        UUID approval = f.approvalId(id);
        f.asProcess(() -> approvals.approve(approval, "deal-approval:rule-1"));
        assertThat(events.of(DealApproved.class).filter(e -> e.approvalId().equals(approval)))
                .hasSize(1);
        assertThat(f.get(id).get("approvalStatus").asText()).isEqualTo("APPROVED");

        assertThat(f.moveTo(id, "Contract")
                        .expect(200)
                        .json()
                        .get("approvalStatus")
                        .asText())
                .isEqualTo("APPROVED");
        JsonNode won = f.patch(id, Map.of("status", "won", "wonReasonId", f.reason("WON")))
                .expect(200)
                .json();
        assertThat(won.get("status").asText()).isEqualTo("won");
        assertThat(f.approvalsOf(id).get(0).get("rule").asText()).isEqualTo("deal-approval:rule-1");
        assertHeld(f.patch(id, Map.of("discountPercent", 50)), approval, "approval-outdated");
    }

    @Test
    void changingTheFiguresAsksAnewAndAnApprovalOfOtherFiguresDoesNotCount() {
        String id = f.deal("Review", Map.of("discountPercent", 12));
        UUID first = f.approvalId(id);
        JsonNode changed =
                f.patch(id, Map.of("discountPercent", 30)).expect(200).json();
        UUID second = UUID.fromString(changed.get("approvalId").asText());
        assertThat(second).isNotEqualTo(first);
        JsonNode listed = f.approvalsOf(id);
        assertThat(listed.findValuesAsText("status")).containsExactly("PENDING", "WITHDRAWN");
        assertThat(listed.get(0).get("discountPercent").decimalValue()).isEqualByComparingTo("30");
        assertThat(listed.get(1).get("reason").asText()).isEqualTo("figures_changed");
        assertThatThrownBy(() -> f.asProcess(() -> approvals.approve(first, null)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.type()).isEqualTo("approval-withdrawn"));

        f.asProcess(() -> approvals.approve(second, null));
        assertHeld(f.patch(id, Map.of("amount", 50000, "stageId", f.stage("Contract"))), second, "approval-outdated");
        assertThat(f.get(id).get("amount").decimalValue()).isEqualByComparingTo("40000");
        assertThat(f.patch(id, Map.of("amount", 50000))
                        .expect(200)
                        .json()
                        .get("approvalStatus")
                        .asText())
                .isEqualTo("PENDING");
    }

    @Test
    void deletingWithdrawsThePendingApprovalAndRestoringAsksAgain() {
        String id = f.deal("Review", Map.of());
        UUID first = f.approvalId(id);
        api.as("acme", REP, "DELETE", "/api/v1/deals/" + id).send().expect(204);
        assertThat(events.of(DealApprovalWithdrawn.class)
                        .filter(e -> e.approvalId().equals(first)))
                .extracting(DealApprovalWithdrawn::reason)
                .containsExactly(DealApprovalWithdrawn.DELETED);

        JsonNode restored = api.as("acme", REP, "POST", "/api/v1/deals/" + id + "/restore")
                .send()
                .expect(200)
                .json();
        assertThat(restored.get("approvalStatus").asText()).isEqualTo("PENDING");
        assertThat(restored.get("approvalId").asText()).isNotEqualTo(first.toString());
    }

    @Test
    void badFiguresAreFieldErrorsAndNothingIsStored() {
        int deals = count("deals");
        int asked = count("deal_approvals");
        assertField(f.create(f.body("Review", Map.of("discountPercent", 150))), "discountPercent");
        assertField(f.create(f.body("Review", Map.of("discountPercent", 10.125))), "discountPercent");
        assertField(f.create(f.body("Review", Map.of("marginPercent", "x"))), "marginPercent");
        assertField(f.create(f.body("Review", Map.of("marginPercent", -101))), "marginPercent");
        assertField(f.create(f.body("Review", Map.of("region", "Western Europe"))), "region");
        assertField(f.create(f.body("Review", Map.of("approvalStatus", "APPROVED"))), "approvalStatus");
        assertField(
                f.create(f.body("Review", Map.of("approvalId", UUID.randomUUID().toString()))), "approvalId");
        assertThat(count("deals")).isEqualTo(deals);
        assertThat(count("deal_approvals")).isEqualTo(asked);

        String id = f.deal("Quote", Map.of());
        assertField(f.patch(id, Map.of("stageId", f.stage("Review"), "marginPercent", "x")), "marginPercent");
        assertThat(f.approvalsOf(id)).isEmpty();
        assertThat(f.get(id).get("stageId").asText()).isEqualTo(f.stage("Quote"));
    }

    @Test
    void listsFilterAndSortByApprovalStatusDiscountAndRegion() {
        String tag = "a" + UUID.randomUUID().toString().substring(0, 6);
        String quoted = f.deal("Quote", Map.of("discountPercent", 5, "region", "NA", "tags", List.of(tag)));
        String waiting = f.deal("Review", Map.of("discountPercent", 20, "region", "EMEA", "tags", List.of(tag)));
        assertThat(ids("?tags[has]=" + tag + "&approvalStatus=PENDING")).containsExactly(waiting);
        assertThat(ids("?tags[has]=" + tag + "&discountPercent[gte]=10")).containsExactly(waiting);
        assertThat(ids("?tags[has]=" + tag + "&region=emea")).containsExactly(waiting);
        assertThat(ids("?tags[has]=" + tag + "&approvalStatus[isNull]=true")).containsExactly(quoted);
        assertThat(ids("?tags[has]=" + tag + "&sort=-discountPercent")).containsExactly(waiting, quoted);
    }

    static void assertHeld(Api.Response response, UUID approval, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/" + type);
        assertThat(response.json().get("approvalId").asText()).isEqualTo(approval.toString());
    }

    private List<String> ids(String query) {
        return api.as("acme", REP, "GET", "/api/v1/deals" + query)
                .send()
                .expect(200)
                .json()
                .get("items")
                .findValuesAsText("id");
    }

    private int count(String table) {
        return inTenant.call("acme", () -> jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class));
    }

    private int completedPublications(UUID approval) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM event_publication WHERE serialized_event LIKE ? AND completion_date IS NOT NULL"
                        + " AND event_type = 'io.salesflow.deal.DealApprovalRequested'",
                Integer.class,
                "%" + approval + "%");
    }
}
