package io.salesflow.activity;

import io.salesflow.records.MergeParticipant;
import io.salesflow.records.MergedLinks;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Merged accounts, contacts, leads or deals hand their activities and notes to the survivor. */
@Component
class ActivityMergeParticipant implements MergeParticipant {

    private final MergedLinks links;

    ActivityMergeParticipant(MergedLinks links) {
        this.links = links;
    }

    @Override
    public Map<String, Integer> merge(Merge merge) {
        return Link.byRecordType(merge.recordType())
                .map(link -> Map.of(
                        "activities", links.move(ActivityRecord.ACTIVITY, link.field(), merge),
                        "notes", links.move(NoteRecord.NOTE, link.field(), merge)))
                .orElse(Map.of());
    }
}
