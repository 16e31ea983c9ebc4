package io.salesflow.scoring;

import io.salesflow.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The tenant's rescoring jobs in {@code rescoring_jobs}. */
@Component
class RescoringJobStore {

    static final String QUEUED = "queued";
    static final String RUNNING = "running";
    static final String COMPLETED = "completed";
    static final String FAILED = "failed";
    static final String CANCELLED = "cancelled";

    static final String ACTIVATION = "activation";
    static final String TIME_WINDOWS = "time_windows";

    /** Where a job is, for its worker; {@code trigger} is why it runs (an activation, or time passing). */
    record Position(UUID ruleSetId, int ruleSetVersion, String trigger, String status, UUID lastLeadId) {

        boolean finished() {
            return !QUEUED.equals(status) && !RUNNING.equals(status);
        }
    }

    private static final String COLUMNS =
            "id, rule_set_id, rule_set_version, trigger, status, total, processed, changed, error, created_at, started_at,"
                    + " finished_at";

    private final JdbcTemplate jdbc;

    RescoringJobStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID ruleSetId, int ruleSetVersion, Instant at) {
        jdbc.update(
                "INSERT INTO rescoring_jobs (tenant_id, id, rule_set_id, rule_set_version, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                TenantContext.require(),
                id,
                ruleSetId,
                ruleSetVersion,
                Timestamp.from(at));
    }

    /**
     * Queues the tenant's time-window rescoring of {@code day}; false when a node queued it already (one per tenant
     * and day).
     */
    boolean insertTimeWindows(UUID id, UUID ruleSetId, int ruleSetVersion, LocalDate day, Instant at) {
        return jdbc.update(
                        """
                        INSERT INTO rescoring_jobs (tenant_id, id, rule_set_id, rule_set_version, trigger, window_day,
                                                    created_at)
                        VALUES (?, ?, ?, ?, 'time_windows', ?, ?)
                        ON CONFLICT (tenant_id, window_day) WHERE trigger = 'time_windows' DO NOTHING
                        """,
                        TenantContext.require(),
                        id,
                        ruleSetId,
                        ruleSetVersion,
                        day,
                        Timestamp.from(at))
                == 1;
    }

    Optional<Position> position(UUID id) {
        return position(id, "");
    }

    /** The job's position, locked until the transaction ends: one chunk of a job at a time, on any node. */
    Optional<Position> lock(UUID id) {
        return position(id, " FOR UPDATE");
    }

    private Optional<Position> position(UUID id, String lock) {
        return jdbc
                .query(
                        "SELECT rule_set_id, rule_set_version, trigger, status, last_lead_id FROM rescoring_jobs"
                                + " WHERE id = ?"
                                + lock,
                        (rs, n) -> new Position(
                                rs.getObject("rule_set_id", UUID.class),
                                rs.getInt("rule_set_version"),
                                rs.getString("trigger"),
                                rs.getString("status"),
                                rs.getObject("last_lead_id", UUID.class)),
                        id)
                .stream()
                .findFirst();
    }

    void start(UUID id, int total, Instant at) {
        jdbc.update(
                "UPDATE rescoring_jobs SET status = 'running', total = ?, started_at = ? WHERE id = ?",
                total,
                Timestamp.from(at),
                id);
    }

    void progress(UUID id, int processed, int changed, UUID lastLeadId) {
        jdbc.update(
                "UPDATE rescoring_jobs SET processed = processed + ?, changed = changed + ?, last_lead_id = ?"
                        + " WHERE id = ?",
                processed,
                changed,
                lastLeadId,
                id);
    }

    void finish(UUID id, String status, String error, Instant at) {
        jdbc.update(
                "UPDATE rescoring_jobs SET status = ?, error = ?, finished_at = ? WHERE id = ?",
                status,
                error,
                Timestamp.from(at),
                id);
    }

    Optional<RescoringJobView> find(UUID id) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM rescoring_jobs WHERE id = ?", RescoringJobStore::view, id)
                .stream()
                .findFirst();
    }

    /** Newest first, after the job ({@code createdAt}, {@code id}) of the cursor when given. */
    List<RescoringJobView> page(Instant afterCreatedAt, UUID afterId, int limit) {
        if (afterId == null) {
            return jdbc.query(
                    "SELECT " + COLUMNS + " FROM rescoring_jobs ORDER BY created_at DESC, id DESC LIMIT ?",
                    RescoringJobStore::view,
                    limit);
        }
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM rescoring_jobs WHERE (created_at, id) < (?, ?)"
                        + " ORDER BY created_at DESC, id DESC LIMIT ?",
                RescoringJobStore::view,
                Timestamp.from(afterCreatedAt),
                afterId,
                limit);
    }

    List<UUID> unfinished() {
        return jdbc.queryForList(
                "SELECT id FROM rescoring_jobs WHERE status IN ('queued', 'running') ORDER BY created_at", UUID.class);
    }

    private static RescoringJobView view(ResultSet rs, int n) throws SQLException {
        return new RescoringJobView(
                rs.getObject("id", UUID.class),
                rs.getObject("rule_set_id", UUID.class),
                rs.getInt("rule_set_version"),
                rs.getString("trigger"),
                rs.getString("status"),
                rs.getObject("total", Integer.class),
                rs.getInt("processed"),
                rs.getInt("changed"),
                rs.getString("error"),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
