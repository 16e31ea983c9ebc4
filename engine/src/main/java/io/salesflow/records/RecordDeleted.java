package io.salesflow.records;

import java.util.UUID;

/** A record was deleted (soft: it may be restored within the restore window). Published in the deletion's transaction. */
public record RecordDeleted(UUID tenantId, String recordType, UUID recordId) {}
