package io.salesflow.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.support.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two limiters over the test database play two replicas: they share one budget through PostgreSQL. Their
 * clock is the test's (far in the future, clear of the application's own clean-up) and they sync when the test
 * says, so nothing depends on timing.
 */
@IntegrationTest
class RateLimiterReplicasTest {

    private static final RateLimitProperties.Limit TEN_A_MINUTE =
            new RateLimitProperties.Limit(10, Duration.ofMinutes(1));

    @Autowired
    JdbcTemplate jdbc;

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2100-01-01T10:00:00Z"));
    private final String caller = UUID.randomUUID().toString();

    @Test
    void replicasShareOneBudgetThroughPostgres() {
        RateLimiter first = replica();
        RateLimiter second = replica();

        acquire(first, 6);
        first.sync();

        acquire(second, 4);
        assertThat(second.tryAcquire(RateLimit.PER_CALLER, caller))
                .as("the second replica read the first one's six when it first saw the caller")
                .contains(Duration.ofMinutes(1));
        now.set(now.get().plusSeconds(15));
        assertThat(second.tryAcquire(RateLimit.PER_CALLER, caller)).contains(Duration.ofSeconds(45));
        second.sync();

        assertThat(first.tryAcquire(RateLimit.PER_CALLER, caller))
                .as("until it syncs, a replica decides from what it last read: the bound the design accepts")
                .isEmpty();
        first.sync();
        assertThat(first.tryAcquire(RateLimit.PER_CALLER, caller)).isPresent();
        assertThat(sharedHits()).isEqualTo(11);
    }

    @Test
    void aNewWindowStartsOverOnEveryReplica() {
        RateLimiter first = replica();
        RateLimiter second = replica();
        acquire(first, 10);
        first.sync();
        assertThat(second.tryAcquire(RateLimit.PER_CALLER, caller)).isPresent();

        now.set(now.get().plus(Duration.ofMinutes(1)));
        acquire(second, 10);
        acquire(first, 1);
        second.sync();
        first.sync();
        assertThat(sharedHits()).isEqualTo(11);
        assertThat(first.tryAcquire(RateLimit.PER_CALLER, caller)).isPresent();
    }

    @Test
    void aLimitOnFailuresCountsWhatHappenedAndRefusesOnceThereWereEnough() {
        RateLimiter replica = replica();
        String address = "address-" + UUID.randomUUID();
        for (int i = 0; i < 9; i++) {
            replica.record(RateLimit.FAILED_API_KEYS_PER_ADDRESS, address);
            assertThat(replica.exhausted(RateLimit.FAILED_API_KEYS_PER_ADDRESS, address))
                    .isEmpty();
        }
        replica.record(RateLimit.FAILED_API_KEYS_PER_ADDRESS, address);
        assertThat(replica.exhausted(RateLimit.FAILED_API_KEYS_PER_ADDRESS, address))
                .isPresent();
        assertThat(replica.exhausted(RateLimit.FAILED_API_KEYS_PER_ADDRESS, "other-" + address))
                .isEmpty();
    }

    private RateLimiter replica() {
        return new RateLimiter(
                new RateLimitStore(jdbc),
                new RateLimitProperties(
                        Duration.ofSeconds(1), TEN_A_MINUTE, TEN_A_MINUTE, TEN_A_MINUTE, TEN_A_MINUTE, TEN_A_MINUTE),
                clock());
    }

    private void acquire(RateLimiter replica, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(replica.tryAcquire(RateLimit.PER_CALLER, caller))
                    .as("request %d", i + 1)
                    .isEmpty();
        }
    }

    private long sharedHits() {
        return jdbc.queryForObject(
                "SELECT sum(hits) FROM rate_limit_counters WHERE key = encode(sha256(convert_to(?, 'UTF8')), 'hex')",
                Long.class,
                "PER_CALLER:" + caller);
    }

    private Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }
}
