package io.salesflow.identity;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The security events of the current tenant: read by auditors and admins, and written by modules outside identity that
 * refuse callers (webhook calls with a forged signature).
 */
@Service
public class SecurityEventLog {

    private final SecurityEvents events;

    SecurityEventLog(SecurityEvents events) {
        this.events = events;
    }

    /**
     * Records a call to a public callback of the current tenant that was refused: no signature, a forged one.
     *
     * @param detail which callback and why, never the secret or the signature
     */
    public void callbackRejected(String detail) {
        events.record(SecurityEvents.Type.CALLBACK_REJECTED, false, null, null, detail);
    }

    /** Records a refused webhook call in the current tenant, with why and which endpoint ({@code detail}). */
    public void webhookRefused(String detail) {
        events.record(SecurityEvents.Type.WEBHOOK_REFUSED, false, null, null, detail);
    }

    /** Records a webhook call to a workspace that does not exist. */
    public void webhookRefusedUnattributed(String tenantSlug) {
        events.recordUnattributed(SecurityEvents.Type.WEBHOOK_REFUSED, tenantSlug, null);
    }

    public List<SecurityEventView> page(Long beforeId, UUID userId, int limit) {
        return events.page(beforeId, userId, limit);
    }
}
