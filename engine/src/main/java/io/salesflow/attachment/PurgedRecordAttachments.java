package io.salesflow.attachment;

import io.salesflow.records.RecordsPurged;
import io.salesflow.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When records are purged for good, so are their attachments, metadata and content. The publication is
 * durable: a removal that fails runs again.
 */
@Component
class PurgedRecordAttachments {

    private static final Logger log = LoggerFactory.getLogger(PurgedRecordAttachments.class);

    private final Attachments attachments;
    private final TenantScope tenantScope;

    PurgedRecordAttachments(Attachments attachments, TenantScope tenantScope) {
        this.attachments = attachments;
        this.tenantScope = tenantScope;
    }

    @ApplicationModuleListener
    void on(RecordsPurged event) {
        int removed = tenantScope.callAs(
                event.tenantId(), () -> attachments.removeAllOf(event.recordType(), event.recordIds()));
        if (removed > 0) {
            log.info("Removed {} attachments of purged {} records", removed, event.recordType());
        }
    }
}
