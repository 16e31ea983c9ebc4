package io.salesflow.engagement;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A lead engaged: opened or clicked an email, replied, submitted a form, booked a meeting... Published by
 * whichever module learns of it, inside its own transaction; lead scoring stores it and rescores the lead.
 * One event type for every kind rather than one per kind: scoring treats them alike (a kind, a time, a
 * detail), the kinds are the scoring rules' vocabulary and grow with it, and one durable listener keeps the
 * handling in one place.
 *
 * @param engagementId the engagement's own id, so that handling it twice stores it once
 * @param detail what narrows it down where rules care: the form ({@code demo_request}), the page
 *     ({@code pricing}); null when nothing does
 * @param source who reported it, a short code ({@code api}, {@code messaging}, {@code activity})
 * @param reference the source's id of it (a message id, a form submission id), if any: an engagement with
 *     a reference is kept once per lead and kind
 */
public record LeadEngaged(
        UUID tenantId,
        UUID engagementId,
        UUID leadId,
        EngagementKind type,
        Instant occurredAt,
        String detail,
        String source,
        String reference) {

    public LeadEngaged {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(engagementId, "engagementId");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
    }

    /** A new engagement with a fresh id. */
    public static LeadEngaged of(
            UUID tenantId,
            UUID leadId,
            EngagementKind type,
            Instant occurredAt,
            String detail,
            String source,
            String reference) {
        return new LeadEngaged(tenantId, UUID.randomUUID(), leadId, type, occurredAt, detail, source, reference);
    }
}
