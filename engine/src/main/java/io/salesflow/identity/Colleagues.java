package io.salesflow.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's active users as anyone signed in to it may see them, to pick a colleague (to delegate a task to,
 * say): id, name and teams, found by the start of their name. Emails and roles are for those who may read users.
 */
@Service
public class Colleagues {

    /** A page never holds more colleagues than this. */
    public static final int MAX_LIMIT = 50;

    /**
     * The last code point: in byte order (collation "C" of {@code users.name_key}, the lower-case name the index
     * holds; see migration V33) a name that starts with a prefix lies between the prefix and the prefix followed by it.
     */
    private static final String AFTER_EVERY_CHARACTER = new String(Character.toChars(Character.MAX_CODE_POINT));

    private final JdbcTemplate jdbc;

    Colleagues(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Active users whose display name starts with {@code prefix} (any case), in name order, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Colleague> find(String prefix, int limit, boolean withContact) {
        String start = prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT);
        Map<UUID, Colleague> found = new LinkedHashMap<>();
        jdbc.query(
                """
                SELECT u.id, u.display_name, u.email FROM users u
                WHERE u.status = 'ACTIVE'
                  AND u.name_key >= ? AND u.name_key < ?
                ORDER BY u.name_key, u.id
                LIMIT ?
                """,
                rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    found.put(
                            id,
                            new Colleague(
                                    id,
                                    rs.getString(2),
                                    new ArrayList<>(),
                                    withContact ? rs.getString(3) : null,
                                    withContact ? new ArrayList<>() : null));
                },
                start,
                start + AFTER_EVERY_CHARACTER,
                Math.max(1, Math.min(limit, MAX_LIMIT)));
        if (found.isEmpty()) {
            return List.of();
        }
        UUID[] ids = found.keySet().toArray(UUID[]::new);
        jdbc.query(
                """
                SELECT m.user_id, t.name FROM team_members m JOIN teams t ON t.tenant_id = m.tenant_id AND t.id = m.team_id
                WHERE m.user_id = ANY (?) ORDER BY lower(t.name)
                """,
                rs -> {
                    found.get(rs.getObject(1, UUID.class)).teams().add(rs.getString(2));
                },
                (Object) ids);
        if (withContact) {
            jdbc.query(
                    """
                    SELECT ur.user_id, r.code FROM user_roles ur JOIN roles r ON r.tenant_id = ur.tenant_id AND r.id = ur.role_id
                    WHERE ur.user_id = ANY (?) ORDER BY r.code
                    """,
                    rs -> {
                        found.get(rs.getObject(1, UUID.class)).roles().add(rs.getString(2));
                    },
                    (Object) ids);
        }
        return List.copyOf(found.values());
    }

    /**
     * A colleague: who they are and which teams they are in; {@code email} and {@code roles} only for a caller who
     * may read users, else null.
     */
    public record Colleague(UUID id, String displayName, List<String> teams, String email, List<String> roles) {}
}
