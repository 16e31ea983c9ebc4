package io.salesflow.records;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A module that keeps something pointing at CRM records (activities, attachments, deal contacts, process links)
 * and moves it to the survivor when records are merged. Every participant bean is called inside the merge's
 * transaction, after the survivor took its chosen values and before the merged-away records are deleted; a
 * participant that throws undoes the whole merge. Participants move what points at the records whoever owns
 * it: the merge itself was authorised by the caller's right to change every record merged.
 */
public interface MergeParticipant {

    /**
     * Records of one type merged into a survivor.
     *
     * @param recordType the {@link RecordType#name()}, e.g. {@code contact}
     */
    record Merge(String recordType, UUID survivorId, List<UUID> mergedIds) {

        public Merge {
            mergedIds = List.copyOf(mergedIds);
        }
    }

    /**
     * Moves what this module keeps about {@code merge.mergedIds()} to the survivor; answers how many of each kind
     * it moved (e.g. {@code {"activities": 3, "notes": 0}}), for the merge's audit entry and answer.
     */
    Map<String, Integer> merge(Merge merge);
}
