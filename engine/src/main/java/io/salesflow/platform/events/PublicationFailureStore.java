package io.salesflow.platform.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Failures and retry claims of incomplete event publications ({@code event_publication_failures}, next to Spring
 * Modulith's {@code event_publication}), and what the operator sees of them.
 */
@Component
class PublicationFailureStore {

    private final JdbcTemplate jdbc;

    PublicationFailureStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One listener's incomplete publications. */
    record ListenerBacklog(
            String listener,
            long incomplete,
            Instant oldest,
            long failing,
            int attempts,
            String lastError,
            Instant lastFailedAt,
            Instant nextRetryAt) {}

    /** All incomplete publications: how many, and when the oldest was published (null when none). */
    record Backlog(long incomplete, Instant oldest) {}

    /**
     * Counts a failure of {@code listener} on the incomplete publication of {@code serializedEvent} (found as
     * Spring Modulith finds it to mark it completed) and sets its next try: {@code backoff} after the first
     * failure, twice as long after each further one, at most {@code max}. Answers the failures so far, 0 when the
     * publication is not found.
     */
    int recordFailure(String listener, String serializedEvent, String error, Duration backoff, Duration max) {
        List<Integer> attempts = jdbc.queryForList(
                """
                INSERT INTO event_publication_failures AS f
                    (publication_id, listener_id, attempts, last_error, failed_at, retry_at)
                SELECT p.id, p.listener_id, 1, ?, now(), now() + make_interval(secs => ?::float8)
                FROM event_publication p
                WHERE p.completion_date IS NULL AND p.listener_id = ? AND p.serialized_event = ?
                ON CONFLICT (publication_id) DO UPDATE SET
                    attempts = f.attempts + 1,
                    last_error = excluded.last_error,
                    failed_at = excluded.failed_at,
                    retry_at = now() + least(
                        make_interval(secs => ?::float8 * power(2, least(f.attempts, 20))),
                        make_interval(secs => ?::float8))
                RETURNING attempts
                """,
                Integer.class,
                error,
                seconds(backoff),
                listener,
                serializedEvent,
                seconds(backoff),
                seconds(max));
        return attempts.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /**
     * Claims up to {@code limit} publications to run again, for {@code stale}: those whose retry is due, and those
     * that never failed but were published before {@code started} (this replica's start) or longer than
     * {@code stale} ago, left by a replica that stopped; never the ones queued or running here. Nothing when another replica is claiming at this moment. A publication is
     * claimed by one replica only: the claim moves its retry time on, and a concurrent claim finds it not due.
     */
    List<UUID> claim(Collection<UUID> runningHere, Instant started, Duration stale, int limit) {
        Boolean locked = jdbc.queryForObject(
                "SELECT pg_try_advisory_xact_lock(hashtextextended('salesflow:event-publication-retries', 0))",
                Boolean.class);
        if (!Boolean.TRUE.equals(locked)) {
            return List.of();
        }
        return jdbc.queryForList(
                """
                INSERT INTO event_publication_failures AS f (publication_id, listener_id, retry_at)
                SELECT p.id, p.listener_id, now() + make_interval(secs => ?::float8)
                FROM event_publication p
                LEFT JOIN event_publication_failures g ON g.publication_id = p.id
                WHERE p.completion_date IS NULL
                  AND NOT EXISTS (SELECT 1 FROM unnest(?::uuid[]) AS here(id) WHERE here.id = p.id)
                  AND CASE WHEN g.publication_id IS NULL
                           THEN p.publication_date < greatest(?, now() - make_interval(secs => ?::float8))
                           ELSE g.retry_at <= now() END
                ORDER BY coalesce(g.retry_at, p.publication_date)
                LIMIT ?
                ON CONFLICT (publication_id) DO UPDATE SET retry_at = excluded.retry_at WHERE f.retry_at <= now()
                RETURNING f.publication_id
                """,
                UUID.class,
                seconds(stale),
                runningHere.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")),
                Timestamp.from(started),
                seconds(stale),
                limit);
    }

    /** Drops the rows of publications that have completed since. */
    void forgetCompleted() {
        jdbc.update(
                """
                DELETE FROM event_publication_failures f USING event_publication p
                WHERE p.id = f.publication_id AND p.completion_date IS NOT NULL
                """);
    }

    Backlog backlog() {
        return jdbc.queryForObject(
                "SELECT count(*), min(publication_date) FROM event_publication WHERE completion_date IS NULL",
                (rs, n) -> new Backlog(rs.getLong(1), instant(rs, 2)));
    }

    List<ListenerBacklog> byListener() {
        return jdbc.query(
                """
                SELECT p.listener_id, count(*), min(p.publication_date), count(f.last_error),
                       coalesce(max(f.attempts), 0),
                       (array_agg(f.last_error ORDER BY f.failed_at DESC) FILTER (WHERE f.last_error IS NOT NULL))[1],
                       max(f.failed_at), min(f.retry_at) FILTER (WHERE f.last_error IS NOT NULL)
                FROM event_publication p
                LEFT JOIN event_publication_failures f ON f.publication_id = p.id
                WHERE p.completion_date IS NULL
                GROUP BY p.listener_id
                ORDER BY min(p.publication_date)
                """,
                (rs, n) -> new ListenerBacklog(
                        rs.getString(1),
                        rs.getLong(2),
                        instant(rs, 3),
                        rs.getLong(4),
                        rs.getInt(5),
                        rs.getString(6),
                        instant(rs, 7),
                        instant(rs, 8)));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
