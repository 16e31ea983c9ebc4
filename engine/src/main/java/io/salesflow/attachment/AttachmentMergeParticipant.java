package io.salesflow.attachment;

import io.salesflow.audit.AuditLog;
import io.salesflow.records.MergeParticipant;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Merged records hand their attachments to the survivor; the audit log keeps where each came from. */
@Component
class AttachmentMergeParticipant implements MergeParticipant {

    private final AttachmentRepository attachments;
    private final AuditLog audit;

    AttachmentMergeParticipant(AttachmentRepository attachments, AuditLog audit) {
        this.attachments = attachments;
        this.audit = audit;
    }

    @Override
    public Map<String, Integer> merge(Merge merge) {
        var moved = attachments.move(merge.recordType(), merge.mergedIds(), merge.survivorId());
        moved.forEach(m -> audit.record(
                "attachment.moved",
                "attachment",
                m.id(),
                Map.of("recordId", m.fromRecordId()),
                Map.of("recordId", merge.survivorId())));
        return Map.of("attachments", moved.size());
    }
}
