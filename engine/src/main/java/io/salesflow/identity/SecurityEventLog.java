package io.salesflow.identity;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Read access to the security events of the caller's tenant, for auditors and admins. */
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

    public List<SecurityEventView> page(Long beforeId, UUID userId, int limit) {
        return events.page(beforeId, userId, limit);
    }
}
