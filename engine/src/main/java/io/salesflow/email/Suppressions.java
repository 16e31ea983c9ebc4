package io.salesflow.email;

import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The workspace's suppression list: addresses no email goes to. */
@Component
public class Suppressions {

    static final List<String> REASONS = List.of("unsubscribed", "bounced", "complained", "manual");

    private final JdbcTemplate jdbc;

    Suppressions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One address on the list. */
    public record Suppression(
            String address, String reason, UUID emailId, String note, Instant createdAt, UUID createdBy) {}

    /** Whether an address is on the list: nothing goes to it. */
    public boolean isSuppressed(String address) {
        return address != null
                && !suppressed(List.of(address.toLowerCase(java.util.Locale.ROOT)))
                        .isEmpty();
    }

    /** Which of {@code addresses} (lower-case) are suppressed. */
    Set<String> suppressed(Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return Set.of();
        }
        return new TreeSet<>(jdbc.queryForList(
                "SELECT address FROM email_suppressions WHERE address = ANY (?)", String.class, (Object)
                        addresses.toArray(String[]::new)));
    }

    /** Adds an address (an existing entry keeps its first reason); true when it was not on the list yet. */
    public boolean add(String address, String reason, UUID emailId, String note, UUID by) {
        if (!REASONS.contains(reason)) {
            throw new IllegalArgumentException(reason);
        }
        return jdbc.update(
                        "INSERT INTO email_suppressions (address, reason, email_id, note, created_by)"
                                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        address.toLowerCase(java.util.Locale.ROOT),
                        reason,
                        emailId,
                        note,
                        by)
                == 1;
    }

    boolean remove(String address) {
        return jdbc.update("DELETE FROM email_suppressions WHERE address = ?", address) == 1;
    }

    /** A page in address order, after the cursor (the last address of the previous page); one address if given. */
    CursorPage<Suppression> page(String after, String address, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(
                "SELECT address, reason, email_id, note, created_at, created_by FROM email_suppressions WHERE TRUE");
        if (after != null) {
            sql.append(" AND address > ?");
            params.add(after);
        }
        if (address != null) {
            sql.append(" AND address = ?");
            params.add(address);
        }
        sql.append(" ORDER BY address LIMIT ?");
        params.add(limit + 1);
        List<Suppression> rows = jdbc.query(
                sql.toString(),
                (rs, i) -> new Suppression(
                        rs.getString("address"),
                        rs.getString("reason"),
                        rs.getObject("email_id", UUID.class),
                        rs.getString("note"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getObject("created_by", UUID.class)),
                params.toArray());
        return CursorPage.of(rows, limit, Suppression::address);
    }

    static String decodeCursor(String cursor) {
        String address = CursorPage.decode(cursor);
        if (cursor != null && (address == null || Body.address(address) == null)) {
            throw Problem.invalid("cursor", "is not a cursor of this list");
        }
        return address;
    }
}
