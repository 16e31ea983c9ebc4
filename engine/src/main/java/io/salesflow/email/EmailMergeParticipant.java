package io.salesflow.email;

import io.salesflow.records.MergeParticipant;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The emails of merged leads, contacts, deals or accounts belong to the survivor afterwards. */
@Component
class EmailMergeParticipant implements MergeParticipant {

    private final JdbcTemplate jdbc;

    EmailMergeParticipant(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Integer> merge(Merge merge) {
        if (!Emails.RECORD_TYPES.contains(merge.recordType())) {
            return Map.of();
        }
        int moved = jdbc.update(
                "UPDATE emails SET record_id = ? WHERE record_type = ? AND record_id = ANY (?)",
                merge.survivorId(),
                merge.recordType(),
                merge.mergedIds().toArray(java.util.UUID[]::new));
        return Map.of("emails", moved);
    }
}
