package io.salesflow.scoring;

import io.salesflow.records.MergeParticipant;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Merged leads' engagements become the survivor's: the same person opened those emails and filled in those
 * forms, so the survivor is rescored with them (see {@link LeadChangeRescoring}). An engagement the survivor
 * already has (same type and source reference) stays with its merged lead. Score history stays with the lead it
 * describes.
 */
@Component
class EngagementMergeParticipant implements MergeParticipant {

    private final JdbcTemplate jdbc;

    EngagementMergeParticipant(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Integer> merge(Merge merge) {
        if (!merge.recordType().equals("lead")) {
            return Map.of();
        }
        int moved = 0;
        // One merged lead at a time, so that two merged leads with the same engagement never both move.
        for (UUID merged : merge.mergedIds()) {
            moved += jdbc.update(
                    """
                    UPDATE lead_engagements e SET lead_id = ?
                    WHERE e.lead_id = ?
                      AND (e.reference IS NULL OR NOT EXISTS (
                            SELECT 1 FROM lead_engagements s
                            WHERE s.lead_id = ? AND s.type = e.type AND s.reference = e.reference))
                    """,
                    merge.survivorId(),
                    merged,
                    merge.survivorId());
        }
        return Map.of("engagements", moved);
    }
}
