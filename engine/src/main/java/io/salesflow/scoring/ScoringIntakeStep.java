package io.salesflow.scoring;

import io.salesflow.lead.LeadIntakeStep;
import io.salesflow.lead.LeadScores;
import io.salesflow.lead.NewLead;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Scores every new lead with the tenant's active rule set as it is created, and keeps its first history row.
 * Trouble with the rules never refuses a lead: it is logged and the lead stays unscored. The explanation and
 * history are written under a savepoint of the lead's transaction, so that a failure there undoes only them.
 */
@Component
@Order(LeadIntakeStep.SCORING)
class ScoringIntakeStep implements LeadIntakeStep {

    static final String REASON = "created";

    private static final Logger log = LoggerFactory.getLogger(ScoringIntakeStep.class);

    private final ActiveRuleSets ruleSets;
    private final LeadScoring scoring;
    private final LeadScores leads;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    ScoringIntakeStep(ActiveRuleSets ruleSets, LeadScoring scoring, LeadScores leads, Clock clock, JdbcTemplate jdbc) {
        this.ruleSets = ruleSets;
        this.leads = leads;
        this.scoring = scoring;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Override
    public void apply(NewLead lead) {
        ScoredLead scored;
        jdbc.execute("SAVEPOINT lead_intake_scoring");
        try {
            Optional<ActiveRuleSets.Active> active = ruleSets.forScoring();
            if (active.isEmpty()) {
                log.warn(
                        "Tenant {} has no active scoring rule set; lead {} stays unscored", lead.tenantId(), lead.id());
                jdbc.execute("RELEASE SAVEPOINT lead_intake_scoring");
                return;
            }
            scored = scoring.score(active.get(), leads.factsOf(lead), List.of(), clock.instant());
            scoring.explain(List.of(scored), REASON);
            jdbc.execute("RELEASE SAVEPOINT lead_intake_scoring");
        } catch (RuntimeException e) {
            jdbc.execute("ROLLBACK TO SAVEPOINT lead_intake_scoring");
            log.error("Lead {} of tenant {} stays unscored: scoring failed", lead.id(), lead.tenantId(), e);
            return;
        }
        lead.score(scored.result().score(), scored.band(), scored.at());
    }
}
