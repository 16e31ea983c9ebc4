package io.salesflow.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.lead.LeadFactsView;
import io.salesflow.lead.LeadScores;
import io.salesflow.rules.facts.EngagementEvent;
import io.salesflow.rules.scoring.ScoreResult;
import io.salesflow.rules.scoring.ScoringFacts;
import io.salesflow.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Scores leads with a compiled rule set and keeps the outcome: the explanation of the current score for
 * every lead scored, a history row for each first score or change, and (for existing leads) the score on
 * the lead.
 */
@Component
class LeadScoring {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final LeadScores leads;
    private final ActiveRuleSets ruleSets;
    private final EngagementStore engagements;
    private final Clock clock;

    LeadScoring(
            JdbcTemplate jdbc,
            ObjectMapper json,
            LeadScores leads,
            ActiveRuleSets ruleSets,
            EngagementStore engagements,
            Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.leads = leads;
        this.ruleSets = ruleSets;
        this.engagements = engagements;
        this.clock = clock;
    }

    /**
     * Scores an existing live lead again with the tenant's active rule set and its engagements, and keeps the
     * outcome; empty when the lead is not live or the tenant has no active rule set.
     *
     * @throws io.salesflow.rules.drl.RuleSetInvalidException when the active rule set does not compile
     */
    Optional<ScoredLead> rescore(UUID leadId, String reason) {
        return rescore(leadId, lead -> reason);
    }

    /** As {@link #rescore(UUID, String)}, with the history's reason taken from the lead as it is scored. */
    Optional<ScoredLead> rescore(UUID leadId, Function<LeadFactsView, String> reason) {
        Optional<ActiveRuleSets.Active> active = ruleSets.forScoring();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        return leads.lockForScoring(leadId).map(lead -> {
            List<EngagementEvent> events = engagements.forLeads(List.of(leadId)).getOrDefault(leadId, List.of());
            ScoredLead scored = score(active.get(), lead, events, clock.instant());
            write(List.of(scored), reason.apply(lead));
            return scored;
        });
    }

    ScoredLead score(ActiveRuleSets.Active ruleSet, LeadFactsView lead, List<EngagementEvent> events, Instant at) {
        ScoreResult result = ruleSet.compiled().score(new ScoringFacts(lead.toFacts(), events, at));
        return new ScoredLead(lead, ruleSet.version(), ruleSet.compiled().thresholds(), result, at);
    }

    /** As {@link #score} for each lead, all in one call to the rule set; {@code events} by lead id. */
    List<ScoredLead> scoreAll(
            ActiveRuleSets.Active ruleSet,
            List<LeadFactsView> leads,
            Map<UUID, List<EngagementEvent>> events,
            Instant at) {
        List<ScoreResult> results = ruleSet.compiled()
                .scoreAll(leads.stream()
                        .map(lead -> new ScoringFacts(lead.toFacts(), events.getOrDefault(lead.id(), List.of()), at))
                        .toList());
        List<ScoredLead> scored = new ArrayList<>(leads.size());
        for (int i = 0; i < leads.size(); i++) {
            scored.add(new ScoredLead(
                    leads.get(i), ruleSet.version(), ruleSet.compiled().thresholds(), results.get(i), at));
        }
        return scored;
    }

    /** Writes the scores of existing leads with their explanations and history; answers how many changed. */
    int write(List<ScoredLead> scored, String reason) {
        leads.recordAll(scored.stream()
                .map(s -> new LeadScores.Score(s.lead().id(), s.result().score(), s.band(), s.at()))
                .toList());
        return explain(scored, reason);
    }

    /**
     * Writes explanations and history only: for a lead being created, whose score goes onto the lead with it.
     * Answers how many changed.
     */
    int explain(List<ScoredLead> scored, String reason) {
        UUID tenant = TenantContext.require();
        jdbc.batchUpdate(
                """
                INSERT INTO lead_score_explanations (tenant_id, lead_id, rule_set_version, explanation, scored_at)
                VALUES (?, ?, ?, ?::jsonb, ?)
                ON CONFLICT (tenant_id, lead_id) DO UPDATE
                SET rule_set_version = excluded.rule_set_version, explanation = excluded.explanation,
                    scored_at = excluded.scored_at
                """,
                scored,
                500,
                (ps, s) -> {
                    ps.setObject(1, tenant);
                    ps.setObject(2, s.lead().id());
                    ps.setInt(3, s.ruleSetVersion());
                    ps.setString(4, explanation(s));
                    ps.setTimestamp(5, Timestamp.from(s.at()));
                });
        List<ScoredLead> changed = scored.stream().filter(ScoredLead::changed).toList();
        jdbc.batchUpdate(
                """
                INSERT INTO lead_score_history (tenant_id, lead_id, previous_score, new_score, change, previous_band,
                                                new_band, reason, rule_set_version, explanation, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                """,
                changed,
                500,
                (ps, s) -> {
                    Integer previous = s.lead().score();
                    ps.setObject(1, tenant);
                    ps.setObject(2, s.lead().id());
                    ps.setObject(3, previous);
                    ps.setInt(4, s.result().score());
                    ps.setInt(5, s.result().score() - (previous == null ? 0 : previous));
                    ps.setString(6, s.lead().scoreBand());
                    ps.setString(7, s.band());
                    ps.setString(8, reason);
                    ps.setInt(9, s.ruleSetVersion());
                    ps.setString(10, explanation(s));
                    ps.setTimestamp(11, Timestamp.from(s.at()));
                });
        return changed.size();
    }

    private String explanation(ScoredLead s) {
        try {
            return json.writeValueAsString(ScoreExplanation.of(s.ruleSetVersion(), s.thresholds(), s.result()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
