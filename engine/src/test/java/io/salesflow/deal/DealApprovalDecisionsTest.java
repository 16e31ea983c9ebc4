package io.salesflow.deal;

import static io.salesflow.deal.ApprovalFixture.REP;
import static io.salesflow.deal.DealApprovalApiTest.assertHeld;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.platform.problem.Problem;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.PublishedEvents;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Decisions the approval process records on a deal's approval: kept, audited, once per approver and level. */
@IntegrationTest
class DealApprovalDecisionsTest {

    private static final String RULE = "deal-approval:rule-3";

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    DealApprovals approvals;

    @Autowired
    PublishedEvents events;

    @Autowired
    JdbcTemplate jdbc;

    ApprovalFixture f;
    UUID manager;

    @BeforeEach
    void fixture() {
        f = new ApprovalFixture(api, inTenant, approvals);
        manager = f.userId("manager@acme.test");
    }

    @Test
    void aRejectionSendsTheDealBackWithItsReasonKeptInTheApprovalTheHistoryAndTheAuditLog() {
        String id = f.deal("Quote", Map.of("discountPercent", 35));
        f.moveTo(id, "Review").expect(200);
        UUID approval = f.approvalId(id);
        UUID deal = UUID.fromString(id);

        f.asProcess(() -> approvals.recordDecision(
                deal, approval, manager, DealApprovals.Decision.REJECT, "Discount beyond policy", 1, RULE));
        DealApprovalView rejected =
                f.asProcess(() -> approvals.reject(approval, manager, "Discount beyond policy", RULE));

        assertThat(rejected.status()).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(rejected.returnedToStageId()).hasToString(f.stage("Quote"));
        JsonNode now = f.get(id);
        assertThat(now.get("stageId").asText()).isEqualTo(f.stage("Quote"));
        assertThat(now.get("approvalStatus").isNull()).isTrue();

        JsonNode listed = f.approvalsOf(id).get(0);
        assertThat(listed.get("status").asText()).isEqualTo("REJECTED");
        assertThat(listed.get("reason").asText()).isEqualTo("Discount beyond policy");
        assertThat(listed.get("rule").asText()).isEqualTo(RULE);
        assertThat(listed.get("decidedBy").asText()).isEqualTo(manager.toString());
        JsonNode decision = listed.get("decisions").get(0);
        assertThat(decision.get("approverId").asText()).isEqualTo(manager.toString());
        assertThat(decision.get("decision").asText()).isEqualTo("REJECT");
        assertThat(decision.get("reason").asText()).isEqualTo("Discount beyond policy");
        assertThat(decision.get("level").asInt()).isEqualTo(1);
        assertThat(decision.get("rule").asText()).isEqualTo(RULE);
        assertThat(decision.get("at").isNull()).isFalse();

        assertThat(events.of(DealApprovalRejected.class)
                        .filter(e -> e.approvalId().equals(approval)))
                .containsExactly(new DealApprovalRejected(
                        tenantOf(approval),
                        deal,
                        approval,
                        manager,
                        "Discount beyond policy",
                        UUID.fromString(f.stage("Quote")),
                        f.userId(REP)));
        assertThat(audited(id))
                .containsSubsequence("deal.approval_requested", "deal.approval_decision", "deal.approval_rejected");
        assertThat(inTenant.call(
                        "acme",
                        () -> jdbc.queryForObject(
                                "SELECT after_state ->> 'reason' FROM audit_log WHERE resource_type = 'deal'"
                                        + " AND resource_id = ? AND action = 'deal.approval_rejected'",
                                String.class,
                                id)))
                .isEqualTo("Discount beyond policy");
        JsonNode history = api.as("acme", REP, "GET", "/api/v1/deals/" + id + "/history")
                .send()
                .expect(200)
                .json()
                .get("items");
        assertThat(history.findValuesAsText("field")).contains("approvalDecision", "approval", "stageId");

        f.moveTo(id, "Review").expect(200);
        assertThat(f.get(id).get("approvalStatus").asText()).as("asked anew").isEqualTo("PENDING");
    }

    @Test
    void aDealCreatedInTheApprovalStageStaysHeldBackWhenRejected() {
        String id = f.deal("Review", Map.of());
        UUID approval = f.approvalId(id);
        f.asProcess(() -> approvals.reject(approval, manager, "Margin too thin", null));

        JsonNode now = f.get(id);
        assertThat(now.get("stageId").asText()).isEqualTo(f.stage("Review"));
        assertThat(now.get("approvalStatus").asText()).isEqualTo("REJECTED");
        assertHeld(f.moveTo(id, "Contract"), approval, "approval-rejected");
        assertThat(f.patch(id, Map.of("marginPercent", 30))
                        .expect(200)
                        .json()
                        .get("approvalStatus")
                        .asText())
                .isEqualTo("PENDING");
    }

    @Test
    void anApproverDecidesOncePerLevelAndADecidedApprovalTakesNoOtherDecision() {
        String id = f.deal("Review", Map.of());
        UUID deal = UUID.fromString(id);
        UUID approval = f.approvalId(id);
        UUID admin = f.userId("admin@acme.test");

        decide(deal, approval, manager, DealApprovals.Decision.APPROVE, null, 1);
        decide(deal, approval, manager, DealApprovals.Decision.APPROVE, null, 1);
        assertConflict(
                () -> decide(deal, approval, manager, DealApprovals.Decision.REJECT, "Changed my mind", 1),
                "approval-decision-conflict");
        DealApprovalView view = decide(deal, approval, admin, DealApprovals.Decision.APPROVE, "Fine", 2);
        assertThat(view.decisions())
                .extracting(DealApprovalView.Decision::approverId, DealApprovalView.Decision::level)
                .containsExactly(tuple(manager, 1), tuple(admin, 2));

        f.asProcess(() -> approvals.approve(approval, RULE));
        assertThat(f.asProcess(() -> approvals.approve(approval, RULE)).status())
                .as("approving again is a retry")
                .isEqualTo(ApprovalStatus.APPROVED);
        assertThat(events.of(DealApproved.class).filter(e -> e.approvalId().equals(approval)))
                .hasSize(1);
        assertConflict(
                () -> f.asProcess(() -> approvals.reject(approval, manager, "Too late", RULE)), "approval-decided");
        assertConflict(
                () -> decide(deal, approval, manager, DealApprovals.Decision.APPROVE, null, 3), "approval-decided");
    }

    @Test
    void badDecisionsAreFieldErrorsAndStoreNothing() {
        String id = f.deal("Review", Map.of());
        UUID deal = UUID.fromString(id);
        UUID approval = f.approvalId(id);

        assertInvalid(() -> f.asProcess(() -> approvals.reject(approval, manager, " ", RULE)), "reason");
        assertInvalid(() -> decide(deal, approval, manager, DealApprovals.Decision.REJECT, null, 1), "reason");
        assertInvalid(() -> decide(deal, approval, manager, DealApprovals.Decision.APPROVE, null, 0), "level");
        assertInvalid(() -> decide(deal, approval, manager, null, null, 1), "decision");
        assertInvalid(
                () -> decide(deal, approval, UUID.randomUUID(), DealApprovals.Decision.APPROVE, null, 1), "approverId");
        assertInvalid(() -> f.asProcess(() -> approvals.approve(approval, "r".repeat(201))), "rule");
        assertThatThrownBy(() -> decide(UUID.randomUUID(), approval, manager, DealApprovals.Decision.APPROVE, null, 1))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.status()).isEqualTo(404));

        DealApprovalView untouched = f.asProcess(() -> approvals.get(approval));
        assertThat(untouched.status()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(untouched.decisions()).isEmpty();
        assertThat(audited(id)).doesNotContain("deal.approval_decision", "deal.approval_rejected");
        assertThat(f.get(id).get("approvalStatus").asText()).isEqualTo("PENDING");
    }

    @Test
    void anotherWorkspaceSeesNoneOfADealsApprovals() {
        String id = f.deal("Review", Map.of());
        UUID approval = f.approvalId(id);
        f.asProcess(() -> approvals.recordDecision(
                UUID.fromString(id), approval, manager, DealApprovals.Decision.APPROVE, null, 1, RULE));

        api.as("globex", "admin@globex.test", "GET", "/api/v1/deals/" + id + "/approvals")
                .send()
                .expect(404);
        for (ThrowingCallable call : List.<ThrowingCallable>of(
                () -> inTenant.call("globex", () -> approvals.get(approval)),
                () -> inTenant.call("globex", () -> approvals.approve(approval, null)))) {
            assertThatThrownBy(call).isInstanceOfSatisfying(Problem.class, p -> assertThat(p.status())
                    .isEqualTo(404));
        }
        assertThat(inTenant.call(
                        "globex",
                        () -> jdbc.queryForObject(
                                "SELECT (SELECT count(*) FROM deal_approvals WHERE id = ?)"
                                        + " + (SELECT count(*) FROM deal_approval_decisions WHERE approval_id = ?)",
                                Integer.class,
                                approval,
                                approval)))
                .isZero();
        assertThat(f.asProcess(() -> approvals.get(approval)).status()).isEqualTo(ApprovalStatus.PENDING);
    }

    private DealApprovalView decide(
            UUID deal, UUID approval, UUID approver, DealApprovals.Decision decision, String reason, int level) {
        return f.asProcess(() -> approvals.recordDecision(deal, approval, approver, decision, reason, level, RULE));
    }

    private UUID tenantOf(UUID approval) {
        return f.asProcess(
                () -> jdbc.queryForObject("SELECT tenant_id FROM deal_approvals WHERE id = ?", UUID.class, approval));
    }

    private List<String> audited(String dealId) {
        return inTenant.call(
                "acme",
                () -> jdbc.queryForList(
                        "SELECT action FROM audit_log WHERE resource_type = 'deal' AND resource_id = ? ORDER BY id",
                        String.class,
                        dealId));
    }

    private static void assertConflict(ThrowingCallable call, String type) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.status()).isEqualTo(409);
            assertThat(p.type()).isEqualTo(type);
        });
    }

    private static void assertInvalid(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.status()).isEqualTo(400);
            assertThat(p.fieldErrors().get(0).field()).isEqualTo(field);
        });
    }
}
