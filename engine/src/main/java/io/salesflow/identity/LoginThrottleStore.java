package io.salesflow.identity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Rows of {@code login_throttles}: one per (workspace, email, address) and one per (workspace, email). */
@Component
class LoginThrottleStore {

    record Row(byte[] key, int failures, Instant lastFailureAt, Instant nextAttemptAt, Instant signedInAt) {}

    private final JdbcTemplate jdbc;

    LoginThrottleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the rows if need be and locks them (in key order) for the caller's transaction: address row first. */
    List<Row> lock(byte[] addressKey, byte[] accountKey) {
        jdbc.update(
                """
                INSERT INTO login_throttles (key, account_key) VALUES (?, ?), (?, ?)
                ON CONFLICT (key) DO NOTHING
                """,
                addressKey,
                accountKey,
                accountKey,
                accountKey);
        List<Row> rows = jdbc.query(
                """
                SELECT key, failures, last_failure_at, next_attempt_at, signed_in_at FROM login_throttles
                WHERE key IN (?, ?) ORDER BY key FOR UPDATE
                """,
                (rs, i) -> new Row(
                        rs.getBytes(1),
                        rs.getInt(2),
                        instant(rs.getObject(3, OffsetDateTime.class)),
                        instant(rs.getObject(4, OffsetDateTime.class)),
                        instant(rs.getObject(5, OffsetDateTime.class))),
                addressKey,
                accountKey);
        return Arrays.equals(rows.get(0).key(), addressKey) ? rows : List.of(rows.get(1), rows.get(0));
    }

    void charge(byte[] key, int failures, Instant at, Instant nextAttemptAt) {
        jdbc.update(
                "UPDATE login_throttles SET failures = ?, last_failure_at = ?, next_attempt_at = ? WHERE key = ?",
                failures,
                time(at),
                time(nextAttemptAt),
                key);
    }

    /**
     * A sign-in succeeded: the address starts over and is known to the account from now on; the account takes
     * back the failure the attempt was charged, and its wait if that failure began it.
     */
    void signedIn(byte[] addressKey, byte[] accountKey, Instant at, int failuresBeforeWait) {
        jdbc.update(
                """
                UPDATE login_throttles
                SET failures = 0, last_failure_at = NULL, next_attempt_at = NULL, signed_in_at = ?
                WHERE key = ?
                """,
                time(at),
                addressKey);
        jdbc.update(
                """
                UPDATE login_throttles
                SET failures = greatest(failures - 1, 0),
                    next_attempt_at = CASE WHEN failures - 1 < ? THEN NULL ELSE next_attempt_at END
                WHERE key = ?
                """,
                failuresBeforeWait,
                accountKey);
    }

    /** Forgets the failures and waits of an account from every address; known addresses stay known. */
    void clear(byte[] accountKey) {
        jdbc.update(
                """
                UPDATE login_throttles SET failures = 0, last_failure_at = NULL, next_attempt_at = NULL
                WHERE account_key = ?
                """,
                accountKey);
    }

    /** The end of the account-wide wait of those accounts that have one after {@code now}, by hex key. */
    Map<String, Instant> waitsAfter(List<byte[]> accountKeys, Instant now) {
        if (accountKeys.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .query(
                        connection -> {
                            var ps = connection.prepareStatement(
                                    """
                                    SELECT key, next_attempt_at FROM login_throttles
                                    WHERE key = ANY (?) AND next_attempt_at > ?
                                    """);
                            ps.setArray(1, connection.createArrayOf("bytea", accountKeys.toArray(new byte[0][])));
                            ps.setObject(2, time(now));
                            return ps;
                        },
                        (rs, i) -> Map.entry(
                                HexFormat.of().formatHex(rs.getBytes(1)),
                                rs.getObject(2, OffsetDateTime.class).toInstant()))
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Removes rows with no failure since {@code failuresBefore} and no sign-in since {@code signInsBefore}. */
    int forget(Instant failuresBefore, Instant signInsBefore) {
        return jdbc.update(
                """
                DELETE FROM login_throttles
                WHERE (last_failure_at IS NULL OR last_failure_at < ?) AND (signed_in_at IS NULL OR signed_in_at < ?)
                """,
                time(failuresBefore),
                time(signInsBefore));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
