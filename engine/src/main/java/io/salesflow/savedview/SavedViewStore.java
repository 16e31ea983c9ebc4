package io.salesflow.savedview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Saved views and users' default views in the current tenant (row-level security scopes every statement). */
@Repository
class SavedViewStore {

    private static final String SELECT =
            """
            SELECT v.id, v.owner_id, u.display_name, v.record_type, v.name, v.state::text, v.visibility, v.created_at,
                   v.updated_at, v.version,
                   EXISTS (SELECT 1 FROM saved_view_defaults d
                           WHERE d.user_id = ? AND d.record_type = v.record_type AND d.view_id = v.id) AS is_default
            FROM saved_views v JOIN users u ON u.tenant_id = v.tenant_id AND u.id = v.owner_id
            """;

    /** Views another user may see: shared with the workspace, or with a team both are in (as member or manager). */
    private static final String SHARED_WITH =
            """
            (v.visibility = 'workspace'
             OR (v.visibility = 'team'
                 AND (v.owner_id IN (SELECT m.user_id FROM team_members m WHERE m.team_id = ANY (?))
                      OR v.owner_id IN (SELECT t.manager_id FROM teams t WHERE t.id = ANY (?)))))
            """;

    private final JdbcTemplate jdbc;

    SavedViewStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored view with what the reader needs to know about it. */
    record Row(
            UUID id,
            UUID ownerId,
            String ownerName,
            String recordType,
            String name,
            String state,
            String visibility,
            java.time.Instant createdAt,
            java.time.Instant updatedAt,
            long version,
            boolean isDefault) {}

    void insert(UUID id, UUID ownerId, String recordType, String name, String state, String visibility) {
        jdbc.update(
                "INSERT INTO saved_views (id, owner_id, record_type, name, state, visibility) VALUES (?, ?, ?, ?, ?::jsonb, ?)",
                id,
                ownerId,
                recordType,
                name,
                state,
                visibility);
    }

    /** Replaces name, state and visibility if the view is still at {@code version}; false if it is not. */
    boolean update(UUID id, long version, String name, String state, String visibility) {
        return jdbc.update(
                        """
                        UPDATE saved_views SET name = ?, state = ?::jsonb, visibility = ?, updated_at = now(),
                               version = version + 1
                        WHERE id = ? AND version = ?
                        """,
                        name,
                        state,
                        visibility,
                        id,
                        version)
                == 1;
    }

    boolean delete(UUID id, long version) {
        return jdbc.update("DELETE FROM saved_views WHERE id = ? AND version = ?", id, version) == 1;
    }

    Optional<Row> find(UUID id, UUID reader) {
        return jdbc.query(SELECT + " WHERE v.id = ?", SavedViewStore::row, reader, id).stream()
                .findFirst();
    }

    /** The view, if {@code reader} owns it or it is shared with them. */
    Optional<Row> findVisible(UUID id, UUID reader, UUID[] readerTeams) {
        return jdbc
                .query(
                        SELECT + " WHERE v.id = ? AND (v.owner_id = ? OR " + SHARED_WITH + ")",
                        SavedViewStore::row,
                        reader,
                        id,
                        reader,
                        readerTeams,
                        readerTeams)
                .stream()
                .findFirst();
    }

    /**
     * The reader's views of a record type and those shared with them, by name (any case) then id, after the given
     * name and id, at most {@code limit}. Each kind (own, shared with the workspace, shared with a team) is read in
     * name order from its index and stopped at {@code limit}, then the three are merged: a page costs the same
     * however many views the workspace shares.
     */
    List<Row> list(String recordType, UUID reader, UUID[] readerTeams, String afterName, UUID afterId, int limit) {
        String after = afterName == null ? "" : " AND (lower(v.name), v.id) > (?, ?)";
        String page = after + " ORDER BY lower(v.name), v.id LIMIT ?)";
        List<Object> params = new ArrayList<>();
        params.add(reader);
        params.add(reader);
        params.add(recordType);
        addPage(params, afterName, afterId, limit);
        params.add(recordType);
        params.add(reader);
        addPage(params, afterName, afterId, limit);
        params.add(recordType);
        params.add(reader);
        params.add(readerTeams);
        params.add(readerTeams);
        addPage(params, afterName, afterId, limit);
        params.add(limit);
        return jdbc.query(
                SELECT + " JOIN ("
                        + "(SELECT v.id FROM saved_views v WHERE v.owner_id = ? AND v.record_type = ?" + page
                        + " UNION ALL (SELECT v.id FROM saved_views v WHERE v.record_type = ?"
                        + " AND v.visibility = 'workspace' AND v.owner_id <> ?" + page
                        + " UNION ALL (SELECT v.id FROM saved_views v WHERE v.record_type = ?"
                        + " AND v.visibility = 'team' AND v.owner_id <> ?"
                        + " AND (v.owner_id IN (SELECT m.user_id FROM team_members m WHERE m.team_id = ANY (?))"
                        + " OR v.owner_id IN (SELECT t.manager_id FROM teams t WHERE t.id = ANY (?)))" + page
                        + ") p ON p.id = v.id ORDER BY lower(v.name), v.id LIMIT ?",
                SavedViewStore::row,
                params.toArray());
    }

    private static void addPage(List<Object> params, String afterName, UUID afterId, int limit) {
        if (afterName != null) {
            params.add(afterName);
            params.add(afterId);
        }
        params.add(limit);
    }

    int countOwned(UUID ownerId, String recordType) {
        Integer n = jdbc.queryForObject(
                "SELECT count(*) FROM saved_views WHERE owner_id = ? AND record_type = ?",
                Integer.class,
                ownerId,
                recordType);
        return n == null ? 0 : n;
    }

    boolean nameTaken(UUID ownerId, String recordType, String name, UUID except) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                """
                SELECT EXISTS (SELECT 1 FROM saved_views
                               WHERE owner_id = ? AND record_type = ? AND lower(name) = lower(?) AND id <> ?)
                """,
                Boolean.class,
                ownerId,
                recordType,
                name,
                except));
    }

    void makeDefault(UUID userId, String recordType, UUID viewId) {
        jdbc.update(
                """
                INSERT INTO saved_view_defaults (user_id, record_type, view_id) VALUES (?, ?, ?)
                ON CONFLICT (tenant_id, user_id, record_type) DO UPDATE SET view_id = excluded.view_id
                """,
                userId,
                recordType,
                viewId);
    }

    void clearDefault(UUID userId, UUID viewId) {
        jdbc.update("DELETE FROM saved_view_defaults WHERE user_id = ? AND view_id = ?", userId, viewId);
    }

    /** Those who open their list with a view that is no longer shared with them lose it as their default. */
    void dropDefaultsOfOthers(UUID viewId, UUID ownerId, String visibility) {
        if (visibility.equals("workspace")) {
            return;
        }
        if (visibility.equals("private")) {
            jdbc.update("DELETE FROM saved_view_defaults WHERE view_id = ? AND user_id <> ?", viewId, ownerId);
            return;
        }
        jdbc.update(
                """
                DELETE FROM saved_view_defaults d WHERE d.view_id = ? AND d.user_id <> ?
                  AND NOT EXISTS (
                      SELECT 1 FROM teams t
                      WHERE (t.manager_id = d.user_id
                             OR EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = t.id AND m.user_id = d.user_id))
                        AND (t.manager_id = ?
                             OR EXISTS (SELECT 1 FROM team_members o WHERE o.team_id = t.id AND o.user_id = ?)))
                """,
                viewId,
                ownerId,
                ownerId,
                ownerId);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getTimestamp(8).toInstant(),
                rs.getTimestamp(9).toInstant(),
                rs.getLong(10),
                rs.getBoolean(11));
    }
}
