package io.salesflow.scoring;

import io.salesflow.audit.AuditLog;
import io.salesflow.engagement.EngagementKind;
import io.salesflow.engagement.LeadEngaged;
import io.salesflow.lead.LeadScores;
import io.salesflow.platform.input.TimeRange;
import io.salesflow.platform.problem.Problem;
import io.salesflow.rules.drl.RuleSetInvalidException;
import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.TenantScope;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads' engagements: reported through the API (published as {@link LeadEngaged} like any other module's),
 * and recorded, which stores one and rescores its lead.
 */
@Service
public class Engagements {

    static final String API_SOURCE = "api";
    static final int MAX_TEXT = 200;

    private static final Logger log = LoggerFactory.getLogger(Engagements.class);

    private final LeadAccess access;
    private final LeadScores leads;
    private final EngagementStore store;
    private final LeadScoring scoring;
    private final TenantScope tenantScope;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditLog audit;

    Engagements(
            LeadAccess access,
            LeadScores leads,
            EngagementStore store,
            LeadScoring scoring,
            TenantScope tenantScope,
            ApplicationEventPublisher events,
            Clock clock,
            AuditLog audit) {
        this.access = access;
        this.leads = leads;
        this.store = store;
        this.scoring = scoring;
        this.tenantScope = tenantScope;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Reports an engagement of a lead the caller may change. It is published, then stored and scored in the
     * background; {@code occurredAt} defaults to now and may not lie in the future.
     */
    @Transactional
    public LeadEngaged report(UUID leadId, String type, String occurredAt, String detail, String reference) {
        access.requireChangeable(leadId);
        EngagementKind kind = EngagementKind.of(type)
                .orElseThrow(() -> Problem.invalid(
                        "type",
                        "must be one of "
                                + Arrays.stream(EngagementKind.values())
                                        .map(EngagementKind::code)
                                        .toList()));
        Instant now = clock.instant();
        Instant at = occurredAt == null ? now : instant(occurredAt);
        if (at.isAfter(now)) {
            throw Problem.invalid("occurredAt", "lies in the future");
        }
        LeadEngaged engaged = LeadEngaged.of(
                TenantContext.require(),
                leadId,
                kind,
                at,
                text("detail", detail),
                API_SOURCE,
                text("reference", reference));
        Map<String, Object> reported = new LinkedHashMap<>();
        reported.put("engagementId", engaged.engagementId());
        reported.put("type", kind.code());
        reported.put("occurredAt", engaged.occurredAt());
        reported.put("detail", engaged.detail());
        reported.put("reference", engaged.reference());
        audit.record("lead.engagement_reported", "lead", leadId, null, reported);
        events.publishEvent(engaged);
        return engaged;
    }

    /**
     * Stores an engagement and rescores its lead, in the engagement's tenant (set here, also inside a
     * transaction another module's listener began). Recording the same engagement again (same id, or same
     * lead, kind and reference) changes nothing. A lead that does not exist is skipped; a broken rule set
     * leaves the engagement stored and the score as it was.
     */
    @Transactional
    public void record(LeadEngaged engagement) {
        tenantScope.runAs(engagement.tenantId(), () -> {
            if (!leads.exists(engagement.leadId())) {
                log.warn(
                        "Engagement {} names lead {}, which does not exist",
                        engagement.engagementId(),
                        engagement.leadId());
                return;
            }
            if (!store.insert(engagement)) {
                return;
            }
            try {
                scoring.rescore(
                        engagement.leadId(), "engagement:" + engagement.type().code());
            } catch (RuleSetInvalidException e) {
                log.error(
                        "Lead {} keeps its score after engagement {}: the active rule set does not compile: {}",
                        engagement.leadId(),
                        engagement.engagementId(),
                        e.problems());
            }
        });
    }

    private static Instant instant(String value) {
        try {
            return TimeRange.check("occurredAt", Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw Problem.invalid("occurredAt", "is not a time such as 2025-05-01T09:30:00Z");
        }
    }

    private static String text(String field, String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.isEmpty()) {
            throw Problem.invalid(field, "must not be blank; leave it out instead");
        }
        if (v.length() > MAX_TEXT) {
            throw Problem.invalid(field, "is longer than " + MAX_TEXT + " characters");
        }
        return v;
    }
}
