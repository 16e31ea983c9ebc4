package io.salesflow.routing;

import io.salesflow.audit.AuditLog;
import io.salesflow.identity.Caller;
import io.salesflow.identity.Users;
import io.salesflow.platform.problem.Problem;
import io.salesflow.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Out-of-office periods, during which routing gives a user no leads. Users keep their own; others' are read
 * with {@code users:read} and changed with {@code users:manage}.
 */
@Service
public class Absences {

    private final Users users;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;

    Absences(Users users, AuditLog audit, JdbcTemplate jdbc) {
        this.users = users;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** From {@code startsAt} (included) until {@code endsAt} (excluded). */
    public record AbsenceView(UUID id, UUID userId, Instant startsAt, Instant endsAt, String reason, UUID createdBy) {}

    @Transactional(readOnly = true)
    public List<AbsenceView> list(UUID userId) {
        requireSelfOr(userId, "users:read");
        return of(userId);
    }

    private List<AbsenceView> of(UUID userId) {
        return jdbc.query(
                "SELECT * FROM user_absences WHERE user_id = ? ORDER BY starts_at, id",
                (rs, n) -> new AbsenceView(
                        rs.getObject("id", UUID.class),
                        userId,
                        rs.getTimestamp("starts_at").toInstant(),
                        rs.getTimestamp("ends_at").toInstant(),
                        rs.getString("reason"),
                        rs.getObject("created_by", UUID.class)),
                userId);
    }

    @Transactional
    public AbsenceView create(UUID userId, Instant startsAt, Instant endsAt, String reason) {
        requireSelfOr(userId, "users:manage");
        if (!endsAt.isAfter(startsAt)) {
            throw Problem.invalid("endsAt", "must be after startsAt");
        }
        AbsenceView absence = new AbsenceView(
                UUID.randomUUID(),
                userId,
                startsAt,
                endsAt,
                reason == null || reason.isBlank() ? null : reason.strip(),
                Caller.require().userId());
        jdbc.update(
                """
                INSERT INTO user_absences (tenant_id, id, user_id, starts_at, ends_at, reason, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                TenantContext.require(),
                absence.id(),
                userId,
                Timestamp.from(startsAt),
                Timestamp.from(endsAt),
                absence.reason(),
                absence.createdBy());
        audit.record("user.absence.created", "user", userId, null, snapshot(absence));
        return absence;
    }

    @Transactional
    public void delete(UUID userId, UUID absenceId) {
        requireSelfOr(userId, "users:manage");
        AbsenceView absence = of(userId).stream()
                .filter(a -> a.id().equals(absenceId))
                .findFirst()
                .orElseThrow(() -> Problem.notFound("Absence", absenceId));
        jdbc.update("DELETE FROM user_absences WHERE id = ?", absenceId);
        audit.record("user.absence.deleted", "user", userId, snapshot(absence), null);
    }

    /** The user must exist in the tenant (404 otherwise, also for other tenants' users), then be the caller. */
    private void requireSelfOr(UUID userId, String permission) {
        users.get(userId);
        Caller caller = Caller.require();
        boolean self = caller.kind() == Caller.Kind.USER && caller.userId().equals(userId);
        if (!self && !caller.can(permission)) {
            throw Problem.forbidden("Only the user themselves or someone with " + permission + " may do this");
        }
    }

    private static Map<String, Object> snapshot(AbsenceView a) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("absenceId", a.id().toString());
        s.put("startsAt", a.startsAt().toString());
        s.put("endsAt", a.endsAt().toString());
        s.put("reason", a.reason());
        return s;
    }
}
