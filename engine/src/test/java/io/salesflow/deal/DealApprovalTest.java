package io.salesflow.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.platform.problem.Problem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** A deal's approval rules on their own: when it asks, what holds it back, and how decisions end a request. */
class DealApprovalTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID APPROVER = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private final Pipeline sales = pipeline();
    private final DealReason price = new DealReason(TENANT, ReasonKind.WON, "Price", true, 0);
    private final DealReason competitor = new DealReason(TENANT, ReasonKind.LOST, "Competitor", true, 0);

    @Test
    void enteringAnApprovalStageAsksForAnApprovalOfTheFiguresRememberingWhereTheDealCameFrom() {
        Deal deal = in("Proposal");
        deal.setDiscountPercent(new BigDecimal("12.5"));
        deal.setMarginPercent(new BigDecimal("-3"));
        deal.setRegion("emea");
        deal.progress(to("Negotiation"), T1);

        DealApproval approval = deal.governingApproval();
        assertThat(deal.approvalStatus()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(deal.snapshot())
                .containsEntry("approvalId", approval.getId())
                .containsEntry("approvalStatus", "PENDING")
                .containsEntry("discountPercent", new BigDecimal("12.50"))
                .containsEntry("region", "EMEA");
        assertThat(deal.takeEvents())
                .contains(new DealApprovalRequested(
                        TENANT,
                        deal.getId(),
                        approval.getId(),
                        sales.getId(),
                        stage("Negotiation").getId(),
                        stage("Proposal").getId(),
                        new BigDecimal("1000.00"),
                        "EUR",
                        new BigDecimal("12.50"),
                        new BigDecimal("-3.00"),
                        "EMEA",
                        deal.getOwnerId()));
    }

    @Test
    void aDealCreatedInAnApprovalStageAsksWithoutAPreviousStage() {
        Deal deal = in("Negotiation");
        assertThat(deal.governingApproval().getPreviousStageId()).isNull();
        assertThat(deal.takeEvents()).hasOnlyElementsOfType(DealApprovalRequested.class);
    }

    @Test
    void whilePendingTheDealNeitherMovesOnNorIsWonAndNothingChanges() {
        Deal deal = in("Negotiation");
        deal.takeEvents();
        Object before = deal.snapshot();

        assertHeld(() -> deal.progress(to("Closed won", price), T1), "approval-pending");
        assertHeld(() -> deal.progress(status(DealStatus.WON, price, null), T1), "approval-pending");
        Pipeline other = pipeline();
        assertHeld(
                () -> deal.progress(
                        new Deal.Progress(
                                other, null, null, Given.notSent(), Given.notSent(), Given.notSent(), false, false),
                        T1),
                "approval-pending");
        assertThat(deal.snapshot()).isEqualTo(before);
        assertThat(deal.takeEvents()).isEmpty();
    }

    @Test
    void movingBackLosingOrAbandoningWithdrawsThePendingApproval() {
        Deal back = in("Proposal");
        back.progress(to("Negotiation"), T1);
        UUID first = back.governingApproval().getId();
        back.takeEvents();
        back.progress(to("Proposal"), T1);
        assertThat(back.approvalStatus()).isNull();
        assertThat(back.approval(first).status()).isEqualTo(ApprovalStatus.WITHDRAWN);
        assertThat(back.takeEvents())
                .contains(new DealApprovalWithdrawn(TENANT, back.getId(), first, DealApprovalWithdrawn.MOVED_BACK));

        Deal lost = in("Negotiation");
        UUID asked = lost.governingApproval().getId();
        lost.takeEvents();
        lost.progress(status(DealStatus.LOST, null, competitor), T1);
        assertThat(lost.getStageId()).isEqualTo(stage("Closed lost").getId());
        assertThat(lost.takeEvents())
                .contains(new DealApprovalWithdrawn(TENANT, lost.getId(), asked, DealApprovalWithdrawn.LOST));

        Deal abandoned = in("Negotiation");
        UUID waiting = asked(abandoned);
        abandoned.progress(status(DealStatus.ABANDONED, null, null), T1);
        assertThat(abandoned.approvalStatus()).isNull();
        assertThat(abandoned.takeEvents())
                .contains(
                        new DealApprovalWithdrawn(TENANT, abandoned.getId(), waiting, DealApprovalWithdrawn.ABANDONED));
    }

    @Test
    void anApprovedDealMovesOnAndIsWonUnderItsApproval() {
        Deal deal = in("Negotiation");
        UUID approval = deal.governingApproval().getId();
        deal.takeEvents();
        assertThat(deal.approvalRules().approve(approval, "deal-approval:rule-1", T1))
                .isTrue();
        assertThat(deal.approvalRules().approve(approval, "deal-approval:rule-1", T1))
                .as("approving again is a retry")
                .isFalse();
        assertThat(deal.takeEvents()).containsExactly(new DealApproved(TENANT, deal.getId(), approval));

        deal.progress(to("Closed won", price), T1);
        assertThat(deal.status()).isEqualTo(DealStatus.WON);
        assertThat(deal.approvalStatus()).isEqualTo(ApprovalStatus.APPROVED);
        assertHeld(() -> discount(deal, "40"), "approval-outdated");
    }

    @Test
    void aRejectionSendsTheDealBackToTheStageItCameFromWithTheReason() {
        Deal deal = in("Proposal");
        deal.progress(to("Negotiation"), T1);
        UUID approval = deal.governingApproval().getId();
        deal.takeEvents();

        assertField(() -> deal.approvalRules().reject(approval, APPROVER, " ", null, sales, T1), "reason");
        assertThat(deal.approvalRules()
                        .reject(approval, APPROVER, "Discount too deep", "deal-approval:rule-3", sales, T1))
                .isTrue();

        assertThat(deal.getStageId()).isEqualTo(stage("Proposal").getId());
        assertThat(deal.approvalStatus()).isNull();
        DealApprovalView view = deal.approval(approval).view();
        assertThat(view.status()).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(view.reason()).isEqualTo("Discount too deep");
        assertThat(view.rule()).isEqualTo("deal-approval:rule-3");
        assertThat(view.decidedBy()).isEqualTo(APPROVER);
        assertThat(view.returnedToStageId()).isEqualTo(stage("Proposal").getId());
        assertThat(deal.takeEvents())
                .containsExactly(
                        new DealStageChanged(
                                TENANT,
                                deal.getId(),
                                stage("Negotiation").getId(),
                                stage("Proposal").getId()),
                        new DealApprovalRejected(
                                TENANT,
                                deal.getId(),
                                approval,
                                APPROVER,
                                "Discount too deep",
                                stage("Proposal").getId(),
                                deal.getOwnerId()));

        deal.progress(to("Negotiation"), T1);
        assertThat(deal.governingApproval().getId()).as("re-entering asks anew").isNotEqualTo(approval);
        assertThat(deal.approvalStatus()).isEqualTo(ApprovalStatus.PENDING);
    }

    @Test
    void aDealCreatedInTheApprovalStageStaysHeldBackWhenRejectedUntilItsFiguresChange() {
        Deal deal = in("Negotiation");
        UUID approval = asked(deal);
        deal.approvalRules().reject(approval, APPROVER, "No margin", null, sales, T1);
        assertThat(deal.getStageId()).isEqualTo(stage("Negotiation").getId());
        assertThat(deal.approvalStatus()).isEqualTo(ApprovalStatus.REJECTED);
        assertHeld(() -> deal.progress(to("Closed won", price), T1), "approval-rejected");

        deal.takeEvents();
        discount(deal, "5");
        assertThat(deal.approvalStatus()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(deal.takeEvents()).hasOnlyElementsOfType(DealApprovalRequested.class);
    }

    @Test
    void changingTheFiguresWhilePendingReplacesTheRequestAndAfterApprovalAsksAgain() {
        Deal deal = in("Proposal");
        deal.progress(to("Negotiation"), T1);
        UUID first = asked(deal);
        deal.takeEvents();

        discount(deal, "20");
        DealApproval second = deal.governingApproval();
        assertThat(second.getId()).isNotEqualTo(first);
        assertThat(second.getPreviousStageId()).isEqualTo(stage("Proposal").getId());
        assertThat(deal.approval(first).status()).isEqualTo(ApprovalStatus.WITHDRAWN);
        List<Object> events = deal.takeEvents();
        assertThat(events.get(0))
                .isEqualTo(
                        new DealApprovalWithdrawn(TENANT, deal.getId(), first, DealApprovalWithdrawn.FIGURES_CHANGED));
        assertThat(events.get(1))
                .isInstanceOfSatisfying(DealApprovalRequested.class, r -> assertThat(r.discountPercent())
                        .isEqualByComparingTo("20"));

        deal.approvalRules().approve(second.getId(), null, T1);
        deal.setDiscountPercent(new BigDecimal("35"));
        assertHeld(() -> deal.progress(to("Closed won", price), T1), "approval-outdated");
        deal.approvalRules().reviewFigures(T1);
        assertThat(deal.approvalStatus()).isEqualTo(ApprovalStatus.PENDING);
        assertThat(deal.approval(second.getId()).status()).isEqualTo(ApprovalStatus.APPROVED);
    }

    @Test
    void anApproversDecisionIsKeptOnceAndNotChanged() {
        Deal deal = in("Negotiation");
        UUID approval = asked(deal);
        DealApprovalRules rules = deal.approvalRules();
        assertThat(rules.decide(approval, APPROVER, DealApprovals.Decision.APPROVE, null, 1, "r-1", T1))
                .isPresent();
        assertThat(rules.decide(approval, APPROVER, DealApprovals.Decision.APPROVE, null, 1, "r-1", T1))
                .as("a retry")
                .isEmpty();
        assertConflict(
                () -> rules.decide(approval, APPROVER, DealApprovals.Decision.REJECT, "No", 1, "r-1", T1),
                "approval-decision-conflict");
        assertField(
                () -> rules.decide(approval, APPROVER, DealApprovals.Decision.REJECT, null, 2, "r-1", T1), "reason");
        assertThat(rules.decide(approval, APPROVER, DealApprovals.Decision.APPROVE, null, 2, "r-1", T1))
                .isPresent();
        assertThat(deal.approval(approval).view().decisions())
                .extracting(DealApprovalView.Decision::level)
                .containsExactly(1, 2);

        rules.approve(approval, "r-1", T1);
        assertConflict(() -> rules.reject(approval, APPROVER, "Late", null, sales, T1), "approval-decided");
        assertConflict(
                () -> rules.decide(approval, UUID.randomUUID(), DealApprovals.Decision.APPROVE, null, 3, null, T1),
                "approval-decided");
        assertThatThrownBy(() -> rules.approve(UUID.randomUUID(), null, T1))
                .isInstanceOfSatisfying(
                        Problem.class, p -> assertThat(p.status()).isEqualTo(404));
    }

    @Test
    void aWithdrawnApprovalTakesNoDecision() {
        Deal deal = in("Negotiation");
        UUID approval = asked(deal);
        deal.progress(to("Proposal"), T1);
        assertConflict(() -> deal.approvalRules().approve(approval, null, T1), "approval-withdrawn");
    }

    @Test
    void discountMarginAndRegionAreChecked() {
        Deal deal = in("Qualification");
        assertField(() -> deal.setDiscountPercent(new BigDecimal("150")), "discountPercent");
        assertField(() -> deal.setDiscountPercent(new BigDecimal("-1")), "discountPercent");
        assertField(() -> deal.setDiscountPercent(new BigDecimal("10.125")), "discountPercent");
        assertField(() -> deal.setMarginPercent(new BigDecimal("-100.01")), "marginPercent");
        assertField(() -> deal.setMarginPercent(new BigDecimal("1e999999999")), "marginPercent");
        assertField(() -> deal.setRegion("Western Europe"), "region");
        deal.setDiscountPercent(null);
        deal.setMarginPercent(new BigDecimal("1E+2"));
        deal.setRegion("us-west");
        assertThat(deal.snapshot())
                .containsEntry("discountPercent", new BigDecimal("0.00"))
                .containsEntry("marginPercent", new BigDecimal("100.00"))
                .containsEntry("region", "US-WEST");
    }

    @Test
    void onlyAnOpenStageRequiresAnApproval() {
        Pipeline pipeline = new Pipeline(TENANT, "Other");
        List<PipelineDefinition.Stage> stages = List.of(
                new PipelineDefinition.Stage(null, "Open", 10, false, false, true),
                new PipelineDefinition.Stage(null, "Won", 100, true, true, true),
                new PipelineDefinition.Stage(null, "Lost", 0, true, false, null));
        assertField(() -> pipeline.defineStages(stages, Set.of()), "stages[1].requiresApproval");
    }

    private static void discount(Deal deal, String percent) {
        deal.setDiscountPercent(new BigDecimal(percent));
        deal.approvalRules().reviewFigures(T1);
    }

    private Deal in(String stage) {
        Deal deal = new Deal(TENANT, UUID.randomUUID());
        deal.setAmount(new BigDecimal("1000"));
        deal.setCurrency("EUR");
        deal.progress(to(stage), T0);
        return deal;
    }

    private static UUID asked(Deal deal) {
        return deal.governingApproval().getId();
    }

    private Deal.Progress to(String stage) {
        return new Deal.Progress(
                sales, stage(stage), null, Given.notSent(), Given.notSent(), Given.notSent(), false, false);
    }

    private Deal.Progress to(String stage, DealReason won) {
        return new Deal.Progress(
                sales, stage(stage), null, Given.notSent(), Given.of(won), Given.notSent(), true, true);
    }

    private Deal.Progress status(DealStatus status, DealReason won, DealReason lost) {
        return new Deal.Progress(
                sales,
                null,
                status,
                Given.notSent(),
                won == null ? Given.notSent() : Given.of(won),
                lost == null ? Given.notSent() : Given.of(lost),
                false,
                false);
    }

    private PipelineStage stage(String name) {
        UUID id = sales.view().stages().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
        return sales.stage(id).orElseThrow();
    }

    private static Pipeline pipeline() {
        Pipeline pipeline = new Pipeline(TENANT, "Sales");
        pipeline.defineStages(DealDefaultsProvisioner.SALES_STAGES, Set.of());
        return pipeline;
    }

    private static void assertHeld(ThrowingCallable call, String type) {
        assertConflict(call, type);
    }

    private static void assertConflict(ThrowingCallable call, String type) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.status()).isEqualTo(409);
            assertThat(p.type()).isEqualTo(type);
            assertThat(p.properties()).containsKey("approvalId");
        });
    }

    private static void assertField(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Problem.class, p -> assertThat(
                        p.fieldErrors().get(0).field())
                .isEqualTo(field));
    }
}
