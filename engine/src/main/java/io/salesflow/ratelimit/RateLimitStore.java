package io.salesflow.ratelimit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The counts of all replicas in {@code rate_limit_counters}: one row per limit and key, for its current window. */
@Component
class RateLimitStore {

    /** What a replica adds to one key: its window length and the hits counted since its last sync. */
    record Add(String key, RateLimit limit, Duration window, long hits) {}

    /** A key's shared count: when its window ends and how many hits it holds. */
    record Count(Instant windowEnd, long hits) {}

    private final JdbcTemplate jdbc;

    RateLimitStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the hits in one statement and returns every key's shared count. A window that has ended starts over
     * with these hits. Rows are written in key order, so replicas syncing at once cannot deadlock.
     */
    Map<String, Count> add(List<Add> adds, Instant now) {
        List<Add> sorted = adds.stream().sorted(Comparator.comparing(Add::key)).toList();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        Map<String, Count> counts = new HashMap<>();
        jdbc.query(
                (Connection connection) -> {
                    PreparedStatement ps = connection.prepareStatement(
                            """
                            INSERT INTO rate_limit_counters AS c (key, limit_name, window_end, hits)
                            SELECT t.key, t.limit_name, ? + t.window_ms * interval '1 millisecond', t.hits
                            FROM unnest(?::text[], ?::text[], ?::bigint[], ?::bigint[])
                                 AS t(key, limit_name, window_ms, hits)
                            ON CONFLICT (key) DO UPDATE SET
                                window_end = CASE WHEN c.window_end <= ? THEN excluded.window_end ELSE c.window_end END,
                                hits = CASE WHEN c.window_end <= ? THEN excluded.hits ELSE c.hits + excluded.hits END
                            RETURNING key, window_end, hits
                            """);
                    ps.setObject(1, at);
                    ps.setArray(
                            2,
                            array(
                                    connection,
                                    "text",
                                    sorted.stream().map(Add::key).toArray()));
                    ps.setArray(
                            3,
                            array(
                                    connection,
                                    "text",
                                    sorted.stream().map(a -> a.limit().name()).toArray()));
                    ps.setArray(
                            4,
                            array(
                                    connection,
                                    "bigint",
                                    sorted.stream()
                                            .map(a -> a.window().toMillis())
                                            .toArray()));
                    ps.setArray(
                            5,
                            array(
                                    connection,
                                    "bigint",
                                    sorted.stream().map(Add::hits).toArray()));
                    ps.setObject(6, at);
                    ps.setObject(7, at);
                    return ps;
                },
                rs -> {
                    counts.put(
                            rs.getString("key"),
                            new Count(
                                    rs.getObject("window_end", OffsetDateTime.class)
                                            .toInstant(),
                                    rs.getLong("hits")));
                });
        return counts;
    }

    /** Starts the counts of a limit over, on every replica's next sync. */
    void reset(RateLimit limit) {
        jdbc.update("DELETE FROM rate_limit_counters WHERE limit_name = ?", limit.name());
    }

    /** Drops the rows of windows that ended before {@code before}: their next hit would start over anyway. */
    int removeEndedBefore(Instant before) {
        return jdbc.update(
                "DELETE FROM rate_limit_counters WHERE window_end < ?",
                OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
    }

    private static java.sql.Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}
