package io.salesflow.records;

import java.util.List;
import java.util.UUID;

/**
 * Records of one type were merged into a survivor: what pointed at them points at the survivor now (see
 * {@link MergeParticipant}), and they are deleted, restorable within the restore window.
 *
 * @param recordType the {@link RecordType#name()}, e.g. {@code lead}
 */
public record RecordsMerged(UUID tenantId, String recordType, UUID survivorId, List<UUID> mergedIds) {

    public RecordsMerged {
        mergedIds = List.copyOf(mergedIds);
    }
}
