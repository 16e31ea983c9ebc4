package io.salesflow.lead;

import io.salesflow.records.MergeParticipant;
import io.salesflow.records.MergedLinks;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Converted leads point at the survivor of merged contacts and accounts: the lead became that one. */
@Component
class LeadMergeParticipant implements MergeParticipant {

    private final MergedLinks links;

    LeadMergeParticipant(MergedLinks links) {
        this.links = links;
    }

    @Override
    public Map<String, Integer> merge(Merge merge) {
        return switch (merge.recordType()) {
            case "contact" -> Map.of("convertedLeads", links.move(LeadRecord.LEAD, "convertedContactId", merge));
            case "account" -> Map.of("convertedLeads", links.move(LeadRecord.LEAD, "convertedAccountId", merge));
            default -> Map.of();
        };
    }
}
