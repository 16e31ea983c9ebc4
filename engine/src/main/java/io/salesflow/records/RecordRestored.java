package io.salesflow.records;

import java.util.UUID;

/** A deleted record was restored within the restore window. Published in the restore's transaction. */
public record RecordRestored(UUID tenantId, String recordType, UUID recordId) {}
