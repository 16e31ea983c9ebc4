package io.salesflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.salesflow.platform.problem.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LoginRateLimiterTest {

    private final AuthProperties properties = new AuthProperties(
            "", Duration.ofMinutes(15), Duration.ofDays(14), 5, Duration.ofMinutes(15), Duration.ofMinutes(15), 3);

    @Test
    void anAddressOverTheCapGets429UntilTheNextMinute() {
        Instant start = Instant.parse("2026-11-22T10:00:05Z");
        AtomicReference<Instant> now = new AtomicReference<>(start);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        LoginRateLimiter limiter = new LoginRateLimiter(properties, clock);
        for (int i = 0; i < 3; i++) {
            limiter.check("10.0.0.1");
        }
        Problem refused = catchThrowableOfType(Problem.class, () -> limiter.check("10.0.0.1"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.properties()).containsEntry("retryAfterSeconds", 55L);
        assertThatCode(() -> limiter.check("10.0.0.2"))
                .as("other addresses are not affected")
                .doesNotThrowAnyException();

        now.set(start.plusSeconds(60));
        assertThatCode(() -> limiter.check("10.0.0.1")).doesNotThrowAnyException();
    }
}
