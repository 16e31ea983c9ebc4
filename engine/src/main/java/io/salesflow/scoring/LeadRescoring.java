package io.salesflow.scoring;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Scores a lead again on request of another module (nurture re-scores cold leads periodically). */
@Component
public class LeadRescoring {

    private final LeadScoring scoring;

    LeadRescoring(LeadScoring scoring) {
        this.scoring = scoring;
    }

    /**
     * The lead's band after scoring it again with the active rule set and its engagements; empty when the lead is
     * gone or the tenant has no active rule set (the lead keeps its score).
     */
    @Transactional
    public Optional<String> rescore(UUID leadId, String reason) {
        return scoring.rescore(leadId, reason).map(ScoredLead::band);
    }
}
