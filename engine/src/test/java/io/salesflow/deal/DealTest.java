package io.salesflow.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.platform.problem.Problem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** The deal's rules on its own: where it goes in its pipeline, what that makes its status, and its money. */
class DealTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);

    private final Pipeline sales = pipeline("Sales");
    private final DealReason price = new DealReason(TENANT, ReasonKind.WON, "Price", true, 0);
    private final DealReason competitor = new DealReason(TENANT, ReasonKind.LOST, "Competitor", true, 0);
    private final DealReason retired = new DealReason(TENANT, ReasonKind.WON, "Luck", false, 1);

    @Test
    void aNewDealStartsInTheFirstOpenStageWithItsProbability() {
        Deal deal = created();
        assertThat(deal.getStageId()).isEqualTo(stage(sales, "Qualification").getId());
        assertThat(deal.snapshot()).containsEntry("probability", 10).containsEntry("stageEnteredAt", T0);
        assertThat(deal.status()).isEqualTo(DealStatus.OPEN);
        assertThat(deal.takeEvents()).isEmpty();
    }

    @Test
    void movingToAStageTakesItsProbabilityUnlessOneIsGivenAndIsAnnounced() {
        Deal deal = created();
        deal.progress(to(stage(sales, "Proposal")), T1);
        assertThat(deal.snapshot()).containsEntry("probability", 50).containsEntry("stageEnteredAt", T1);
        assertThat(deal.takeEvents())
                .containsExactly(new DealStageChanged(
                        TENANT,
                        deal.getId(),
                        stage(sales, "Qualification").getId(),
                        stage(sales, "Proposal").getId()));

        deal.progress(progress(stage(sales, "Negotiation"), null, Given.of(60)), T1);
        assertThat(deal.snapshot()).containsEntry("probability", 60);
        deal.progress(progress(null, null, Given.of(null)), T1);
        assertThat(deal.snapshot()).containsEntry("probability", 75);
    }

    @Test
    void aStageOfAnotherPipelineIsRefused() {
        Deal deal = created();
        Pipeline other = pipeline("Other");
        assertField(() -> deal.progress(to(stage(other, "Proposal")), T1), "stageId");
        Deal elsewhere = created();
        elsewhere.progress(progressIn(other, null, null), T1);
        assertThat(elsewhere.getStageId())
                .isEqualTo(stage(other, "Qualification").getId());
        other.archive(true);
        assertField(() -> created().progress(progressIn(other, null, null), T1), "pipelineId");
    }

    @Test
    void winningNeedsAWonReasonWhenTheWorkspaceHasThem() {
        Deal deal = created();
        assertField(() -> deal.progress(winning(null, true), T1), "wonReasonId");
        assertField(() -> deal.progress(winning(competitor, true), T1), "wonReasonId");
        assertField(() -> deal.progress(winning(retired, true), T1), "wonReasonId");

        Deal noReasons = created();
        noReasons.progress(winning(null, false), T1);
        assertThat(noReasons.status()).isEqualTo(DealStatus.WON);

        deal.progress(winning(price, true), T1);
        assertThat(deal.status()).isEqualTo(DealStatus.WON);
        assertThat(deal.snapshot())
                .containsEntry("closedAt", T1)
                .containsEntry("probability", 100)
                .containsEntry("wonReasonId", price.getId());
        assertThat(deal.takeEvents()).contains(new DealWon(TENANT, deal.getId(), new BigDecimal("1000.00"), "EUR"));
    }

    @Test
    void settingTheStatusMovesToTheFirstStageThatFitsAndReopeningClearsTheOutcome() {
        Deal deal = created();
        deal.progress(
                new Deal.Progress(
                        sales,
                        null,
                        DealStatus.LOST,
                        Given.notSent(),
                        Given.notSent(),
                        Given.of(competitor),
                        true,
                        true),
                T1);
        assertThat(deal.getStageId()).isEqualTo(stage(sales, "Closed lost").getId());
        assertThat(deal.takeEvents()).contains(new DealLost(TENANT, deal.getId(), competitor.getId()));

        deal.progress(progress(null, DealStatus.OPEN, Given.notSent()), T1);
        assertThat(deal.getStageId()).isEqualTo(stage(sales, "Qualification").getId());
        assertThat(deal.snapshot()).containsEntry("closedAt", null).containsEntry("lostReasonId", null);
        assertThat(deal.status()).isEqualTo(DealStatus.OPEN);
    }

    @Test
    void onlyAnOpenDealIsAbandonedAndItStaysSoUntilMoved() {
        Deal deal = created();
        deal.progress(progress(null, DealStatus.ABANDONED, Given.notSent()), T1);
        assertThat(deal.status()).isEqualTo(DealStatus.ABANDONED);
        assertThat(deal.snapshot()).containsEntry("closedAt", T1);
        deal.progress(progress(null, null, Given.of(5)), T1);
        assertThat(deal.status()).isEqualTo(DealStatus.ABANDONED);
        deal.progress(to(stage(sales, "Proposal")), T1);
        assertThat(deal.status()).isEqualTo(DealStatus.OPEN);

        deal.progress(winning(price, true), T1);
        assertField(() -> deal.progress(progress(null, DealStatus.ABANDONED, Given.notSent()), T1), "status");
        assertField(
                () -> deal.progress(progress(stage(sales, "Proposal"), DealStatus.LOST, Given.notSent()), T1),
                "status");
    }

    @Test
    void amountsHaveAtMostTwoDecimalsAndCurrenciesAreIso4217() {
        Deal deal = created();
        deal.setAmount(new BigDecimal("10.500"));
        assertThat(deal.snapshot()).containsEntry("amount", new BigDecimal("10.50"));
        assertField(() -> deal.setAmount(new BigDecimal("10.125")), "amount");
        assertField(() -> deal.setAmount(new BigDecimal("-0.01")), "amount");
        assertField(() -> deal.setAmount(new BigDecimal("1e16")), "amount");
        assertField(() -> deal.setAmount(new BigDecimal("1e999999999")), "amount");
        deal.setCurrency("chf");
        assertThat(deal.snapshot()).containsEntry("currency", "CHF");
        assertField(() -> deal.setCurrency("ABC"), "currency");
        assertField(() -> deal.setCurrency("EURO"), "currency");
    }

    private Deal created() {
        Deal deal = new Deal(TENANT, UUID.randomUUID());
        deal.setAmount(new BigDecimal("1000"));
        deal.setCurrency("EUR");
        deal.progress(progress(null, null, Given.notSent()), T0);
        return deal;
    }

    private Deal.Progress to(PipelineStage stage) {
        return progress(stage, null, Given.notSent());
    }

    private Deal.Progress progress(PipelineStage stage, DealStatus status, Given<Integer> probability) {
        return new Deal.Progress(sales, stage, status, probability, Given.notSent(), Given.notSent(), false, false);
    }

    private static Deal.Progress progressIn(Pipeline pipeline, PipelineStage stage, DealStatus status) {
        return new Deal.Progress(
                pipeline, stage, status, Given.notSent(), Given.notSent(), Given.notSent(), false, false);
    }

    private Deal.Progress winning(DealReason reason, boolean required) {
        return new Deal.Progress(
                sales,
                stage(sales, "Closed won"),
                null,
                Given.notSent(),
                reason == null ? Given.notSent() : Given.of(reason),
                Given.notSent(),
                required,
                required);
    }

    private static Pipeline pipeline(String name) {
        Pipeline pipeline = new Pipeline(TENANT, name);
        pipeline.defineStages(DealDefaultsProvisioner.SALES_STAGES, Set.of());
        return pipeline;
    }

    private static PipelineStage stage(Pipeline pipeline, String name) {
        UUID id = pipeline.view().stages().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
        return pipeline.stage(id).orElseThrow();
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        AbstractThrowableAssert<?, ? extends Throwable> thrown = assertThatThrownBy(call);
        thrown.isInstanceOf(Problem.class);
        thrown.extracting(t -> ((Problem) t).fieldErrors().get(0).field()).isEqualTo(field);
    }
}
