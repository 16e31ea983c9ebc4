package io.salesflow.scoring;

import io.salesflow.platform.database.TransactionMemo;
import io.salesflow.rules.scoring.TemperatureThresholds;
import io.salesflow.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The tenant's scoring rule sets in {@code scoring_rule_sets} (row-level security picks the tenant). */
@Component
class RuleSetStore {

    /** The active rule set's id and number, the cheap check whether a cached compilation is still current. */
    record ActiveRef(UUID id, int version) {}

    private static final String COLUMNS =
            """
            id, version, name, kind, definition::text AS definition, drl, hot_threshold, warm_threshold, status,
            revision, created_by, created_at, updated_at, activated_by, activated_at, retired_at
            """;

    private final JdbcTemplate jdbc;

    RuleSetStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises changes to the tenant's rule sets (numbering, activation) until the transaction ends. An
     * advisory lock, since there may be no row yet to lock.
     */
    void lockTenant() {
        jdbc.query(
                "SELECT pg_advisory_xact_lock(hashtextextended('scoring_rule_sets:' || ?, 0))",
                rs -> {},
                TenantContext.require().toString());
    }

    List<StoredRuleSet> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM scoring_rule_sets ORDER BY version DESC", RuleSetStore::row);
    }

    Optional<StoredRuleSet> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM scoring_rule_sets WHERE id = ?", RuleSetStore::row, id).stream()
                .findFirst();
    }

    boolean any() {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM scoring_rule_sets)", Boolean.class));
    }

    Optional<ActiveRef> active() {
        return activeRef("");
    }

    /**
     * The active rule set, share-locked until the transaction ends: an activation (which locks it for update)
     * waits for the scorings in flight, and scorings that start meanwhile wait for the activation and then
     * see the new version. A waiting read finds the row it waited for retired and nothing else (its snapshot
     * predates the new active row), so it reads again.
     */
    Optional<ActiveRef> activeForScoring() {
        // Kept for the transaction: its share lock holds the rule set active until the transaction ends, so a
        // chunk of imported leads reads it once.
        return Optional.ofNullable(TransactionMemo.get(
                List.of(RuleSetStore.class), () -> lockActive().orElse(null)));
    }

    private Optional<ActiveRef> lockActive() {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<ActiveRef> active = activeRef(" FOR KEY SHARE");
            if (active.isPresent() || !any()) {
                return active;
            }
        }
        return Optional.empty();
    }

    Optional<ActiveRef> activeForUpdate() {
        return activeRef(" FOR UPDATE");
    }

    private Optional<ActiveRef> activeRef(String lock) {
        return jdbc
                .query(
                        "SELECT id, version FROM scoring_rule_sets WHERE status = 'active'" + lock,
                        (rs, n) -> new ActiveRef(rs.getObject("id", UUID.class), rs.getInt("version")))
                .stream()
                .findFirst();
    }

    /** The rule set active before the current one: the one retired last. */
    Optional<StoredRuleSet> previous() {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM scoring_rule_sets WHERE status = 'retired'"
                                + " ORDER BY retired_at DESC, version DESC LIMIT 1",
                        RuleSetStore::row)
                .stream()
                .findFirst();
    }

    int nextVersion() {
        Integer max = jdbc.queryForObject("SELECT coalesce(max(version), 0) FROM scoring_rule_sets", Integer.class);
        return (max == null ? 0 : max) + 1;
    }

    void insert(UUID id, int version, String name, RuleSetDefinition d, UUID createdBy, Instant at) {
        jdbc.update(
                """
                INSERT INTO scoring_rule_sets (tenant_id, id, version, name, kind, definition, drl, hot_threshold,
                                               warm_threshold, status, created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, 'draft', ?, ?, ?)
                """,
                TenantContext.require(),
                id,
                version,
                name,
                d.kind().code(),
                d.rulesJson(),
                d.drl(),
                d.thresholds().hot(),
                d.thresholds().warm(),
                createdBy,
                Timestamp.from(at),
                Timestamp.from(at));
    }

    /** Changes a draft if it is still at {@code revision}; false when it is not (a concurrent change). */
    boolean update(UUID id, long revision, String name, RuleSetDefinition d, Instant at) {
        return jdbc.update(
                        """
                        UPDATE scoring_rule_sets
                        SET name = ?, definition = ?::jsonb, drl = ?, hot_threshold = ?, warm_threshold = ?,
                            revision = revision + 1, updated_at = ?
                        WHERE id = ? AND revision = ? AND status = 'draft'
                        """,
                        name,
                        d.rulesJson(),
                        d.drl(),
                        d.thresholds().hot(),
                        d.thresholds().warm(),
                        Timestamp.from(at),
                        id,
                        revision)
                == 1;
    }

    void retire(UUID id, Instant at) {
        TransactionMemo.forget(List.of(RuleSetStore.class));
        jdbc.update(
                "UPDATE scoring_rule_sets SET status = 'retired', retired_at = ?, revision = revision + 1,"
                        + " updated_at = ? WHERE id = ?",
                Timestamp.from(at),
                Timestamp.from(at),
                id);
    }

    void activate(UUID id, UUID by, Instant at) {
        TransactionMemo.forget(List.of(RuleSetStore.class));
        jdbc.update(
                "UPDATE scoring_rule_sets SET status = 'active', activated_by = ?, activated_at = ?, retired_at = NULL,"
                        + " revision = revision + 1, updated_at = ? WHERE id = ?",
                by,
                Timestamp.from(at),
                Timestamp.from(at),
                id);
    }

    private static StoredRuleSet row(ResultSet rs, int n) throws SQLException {
        TemperatureThresholds thresholds =
                new TemperatureThresholds(rs.getInt("hot_threshold"), rs.getInt("warm_threshold"));
        RuleSetDefinition definition = "drl".equals(rs.getString("kind"))
                ? RuleSetDefinition.drl(thresholds, rs.getString("drl"))
                : RuleSetDefinition.data(thresholds, RuleSetDefinition.readRules(rs.getString("definition")));
        return new StoredRuleSet(
                rs.getObject("id", UUID.class),
                rs.getInt("version"),
                rs.getString("name"),
                definition,
                rs.getString("status"),
                rs.getLong("revision"),
                rs.getObject("created_by", UUID.class),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getObject("activated_by", UUID.class),
                instant(rs, "activated_at"),
                instant(rs, "retired_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
