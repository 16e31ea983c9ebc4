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

    public List<SecurityEventView> page(Long beforeId, UUID userId, int limit) {
        return events.page(beforeId, userId, limit);
    }
}
