package io.salesflow.records;

import java.util.List;
import java.util.UUID;

/**
 * Records of one type were hard-deleted after their restore window; what hangs off them by type and id
 * (attachments, say) goes too. A large purge is announced in several of these.
 *
 * @param recordType the {@link RecordType#name()}, e.g. {@code account}
 */
public record RecordsPurged(UUID tenantId, String recordType, List<UUID> recordIds) {

    public RecordsPurged {
        recordIds = List.copyOf(recordIds);
    }
}
