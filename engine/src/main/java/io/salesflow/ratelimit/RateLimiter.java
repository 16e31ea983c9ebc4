package io.salesflow.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Counts requests against the {@link RateLimit}s in fixed windows that start with a key's first request,
 * shared by all replicas through PostgreSQL. A replica decides from the shared count it last read plus what
 * it counted since, and adds its counts to the shared ones in one statement every sync interval
 * ({@link #sync()}); the only other database work is one statement for the first request of a key in each
 * window. So a request costs a map lookup, and replicas together may admit up to one sync interval of traffic
 * per other replica over a limit.
 */
@Service
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(10);

    private final RateLimitStore store;
    private final Clock clock;
    private final Map<RateLimit, RateLimitProperties.Limit> limits = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final ReentrantLock syncing = new ReentrantLock();
    private Instant nextCleanup = Instant.MIN;

    RateLimiter(RateLimitStore store, RateLimitProperties properties, Clock clock) {
        this.store = store;
        this.clock = clock;
        for (RateLimit limit : RateLimit.values()) {
            limits.put(limit, properties.of(limit));
        }
    }

    /** One key's count on this replica. Guarded by its own monitor. */
    private static final class Counter {
        final RateLimit limit;
        final String key;
        Instant windowEnd;
        long shared;
        long syncing;
        long pending;
        boolean removed;

        Counter(RateLimit limit, String key) {
            this.limit = limit;
            this.key = key;
        }

        long used() {
            return shared + syncing + pending;
        }
    }

    /** Counts one request when the limit allows it; otherwise returns how long until it does. */
    public Optional<Duration> tryAcquire(RateLimit limit, String key) {
        return use(limit, key, true, true);
    }

    /** How long until the limit allows another, when {@code key} has used it up; counts nothing. */
    public Optional<Duration> exhausted(RateLimit limit, String key) {
        return use(limit, key, true, false);
    }

    /** Counts one, allowed or not: for limits on failures, counted once they happened. */
    public void record(RateLimit limit, String key) {
        use(limit, key, false, true);
    }

    /** Takes back one count of {@link #tryAcquire} that this replica has not synced yet. */
    public void release(RateLimit limit, String key) {
        Counter counter = counters.get(id(limit, key));
        if (counter != null) {
            synchronized (counter) {
                counter.pending = Math.max(0, counter.pending - 1);
            }
        }
    }

    public RateLimitProperties.Limit limit(RateLimit limit) {
        return limits.get(limit);
    }

    /**
     * Changes a limit on this replica until it restarts, and starts its counts over on all replicas. Operators
     * set the properties; tests lower limits this way without a context of their own.
     */
    public void change(RateLimit limit, RateLimitProperties.Limit value) {
        // Not while a sync is under way: it would write the old counts back after the reset.
        syncing.lock();
        try {
            limits.put(limit, value);
            counters.values().removeIf(counter -> {
                if (counter.limit != limit) {
                    return false;
                }
                synchronized (counter) {
                    counter.removed = true;
                    return true;
                }
            });
            store.reset(limit);
        } finally {
            syncing.unlock();
        }
    }

    private Optional<Duration> use(RateLimit limit, String key, boolean decide, boolean count) {
        RateLimitProperties.Limit settings = limits.get(limit);
        while (true) {
            Counter counter = counters.computeIfAbsent(id(limit, key), id -> new Counter(limit, id));
            synchronized (counter) {
                if (counter.removed) {
                    continue;
                }
                Instant now = clock.instant();
                if (counter.windowEnd == null || !now.isBefore(counter.windowEnd)) {
                    // A key new to this replica, or its window ended: what was counted for the old window no
                    // longer matters; read where the shared count stands (another replica may have begun it).
                    counter.pending = 0;
                    RateLimitStore.Count shared = store.add(
                                    List.of(new RateLimitStore.Add(counter.key, limit, settings.window(), 0)), now)
                            .get(counter.key);
                    counter.windowEnd = shared.windowEnd();
                    counter.shared = shared.hits();
                }
                if (decide && counter.used() >= settings.requests()) {
                    return Optional.of(Duration.between(now, counter.windowEnd));
                }
                if (count) {
                    counter.pending++;
                }
                return Optional.empty();
            }
        }
    }

    /** Adds this replica's new counts to the shared ones and reads theirs back; forgets keys whose window ended. */
    void sync() {
        syncing.lock();
        try {
            syncCounts();
        } finally {
            syncing.unlock();
        }
    }

    private void syncCounts() {
        Instant now = clock.instant();
        List<Counter> batch = new ArrayList<>();
        List<RateLimitStore.Add> adds = new ArrayList<>();
        for (Counter counter : counters.values()) {
            synchronized (counter) {
                if (counter.pending > 0) {
                    counter.syncing = counter.pending;
                    counter.pending = 0;
                    batch.add(counter);
                    adds.add(new RateLimitStore.Add(
                            counter.key,
                            counter.limit,
                            limits.get(counter.limit).window(),
                            counter.syncing));
                } else if (counter.syncing == 0 && counter.windowEnd != null && !now.isBefore(counter.windowEnd)) {
                    counter.removed = true;
                    counters.remove(counter.key, counter);
                }
            }
        }
        Map<String, RateLimitStore.Count> shared = Map.of();
        boolean written = false;
        try {
            if (!adds.isEmpty()) {
                shared = store.add(adds, now);
            }
            written = true;
        } catch (RuntimeException e) {
            log.warn("Could not sync rate limit counts; keeping them for the next sync: {}", e.getMessage());
        }
        for (Counter counter : batch) {
            synchronized (counter) {
                RateLimitStore.Count count = shared.get(counter.key);
                if (count != null
                        && (counter.windowEnd == null || !count.windowEnd().isBefore(counter.windowEnd))) {
                    counter.windowEnd = count.windowEnd();
                    counter.shared = count.hits();
                }
                if (!written) {
                    counter.pending += counter.syncing;
                }
                counter.syncing = 0;
            }
        }
        if (written && !now.isBefore(nextCleanup)) {
            nextCleanup = now.plus(CLEANUP_EVERY);
            store.removeEndedBefore(now.minus(Duration.ofMinutes(1)));
        }
    }

    /** Keys are kept as digests: the table is outside row-level security and should hold no addresses. */
    private static String id(RateLimit limit, String key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest((limit.name() + ':' + key).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
