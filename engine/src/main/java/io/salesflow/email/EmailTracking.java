package io.salesflow.email;

import io.salesflow.engagement.EngagementKind;
import io.salesflow.engagement.LeadEngaged;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts opens and clicks on the email, first and last time, and tells other modules: {@link EmailOpened} and
 * {@link EmailClicked}, and for a lead an engagement scoring counts once per email (and link).
 */
@Service
class EmailTracking {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EmailTracking(JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    private record Counted(String recordType, UUID recordId, int count) {}

    /** Records an open of the current tenant's email; false when there is no such outgoing email. */
    @Transactional
    public boolean opened(UUID emailId) {
        Instant now = clock.instant();
        List<Counted> counted = count(
                "UPDATE emails SET open_count = open_count + 1, first_opened_at = coalesce(first_opened_at, ?),"
                        + " last_opened_at = ? WHERE id = ? AND direction = 'outbound'"
                        + " RETURNING record_type, record_id, open_count",
                now,
                emailId);
        if (counted.isEmpty()) {
            return false;
        }
        Counted c = counted.get(0);
        UUID tenant = io.salesflow.tenancy.TenantContext.require();
        events.publishEvent(new EmailOpened(tenant, emailId, c.recordType(), c.recordId(), c.count() == 1));
        engaged(tenant, c, EngagementKind.EMAIL_OPENED, now, null, emailId.toString());
        return true;
    }

    /** Records a click on {@code url} in the current tenant's email; false when there is no such outgoing email. */
    @Transactional
    public boolean clicked(UUID emailId, String url) {
        Instant now = clock.instant();
        List<Counted> counted = count(
                "UPDATE emails SET click_count = click_count + 1, first_clicked_at = coalesce(first_clicked_at, ?),"
                        + " last_clicked_at = ? WHERE id = ? AND direction = 'outbound'"
                        + " RETURNING record_type, record_id, click_count",
                now,
                emailId);
        if (counted.isEmpty()) {
            return false;
        }
        Counted c = counted.get(0);
        UUID tenant = io.salesflow.tenancy.TenantContext.require();
        events.publishEvent(new EmailClicked(tenant, emailId, c.recordType(), c.recordId(), url, c.count() == 1));
        engaged(tenant, c, EngagementKind.EMAIL_CLICKED, now, null, emailId + " " + url);
        return true;
    }

    private List<Counted> count(String sql, Instant now, UUID emailId) {
        return jdbc.query(
                sql,
                (rs, row) ->
                        new Counted(rs.getString("record_type"), rs.getObject("record_id", UUID.class), rs.getInt(3)),
                Timestamp.from(now),
                Timestamp.from(now),
                emailId);
    }

    private void engaged(UUID tenant, Counted c, EngagementKind kind, Instant at, String detail, String reference) {
        if ("lead".equals(c.recordType()) && c.recordId() != null) {
            events.publishEvent(LeadEngaged.of(
                    tenant,
                    c.recordId(),
                    kind,
                    at,
                    detail,
                    "messaging",
                    reference.length() > 500 ? reference.substring(0, 500) : reference));
        }
    }
}
