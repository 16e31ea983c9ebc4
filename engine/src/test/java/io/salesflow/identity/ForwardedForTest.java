package io.salesflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.ratelimit.RateLimit;
import io.salesflow.ratelimit.RateLimitProperties;
import io.salesflow.ratelimit.RateLimiter;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A client that makes up a new {@code X-Forwarded-For} for every attempt: the application trusts the header
 * from no address by default (TrustedProxyTest shows a configured proxy's is honoured), so the client stays
 * what its connection says, for the limits and in the security events.
 */
@IntegrationTest
class ForwardedForTest {

    @Autowired
    Api api;

    @Autowired
    RateLimiter limiter;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void rotatingForwardedForDoesNotEscapeTheThrottleOfAnAccountAndEventsKeepTheRealAddress() {
        String email = "rotating-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
        for (int i = 1; i <= 5; i++) {
            login(email, "203.0.113." + i, "127.0.0.1").expect(401);
        }
        Api.Response refused = login(email, "203.0.113.99", "127.0.0.1").expect(429);
        assertThat(refused.json().get("type").asText()).isEqualTo("/problems/login-throttled");

        List<String> addresses = inTenant.call(
                "acme",
                () -> jdbc.queryForList(
                        "SELECT ip_address FROM security_events WHERE email = ? ORDER BY id", String.class, email));
        assertThat(addresses).hasSize(6).containsOnly("127.0.0.1");
    }

    @Test
    void rotatingForwardedForDoesNotEscapeTheLimitPerAddress() {
        RateLimitProperties.Limit configured = limiter.limit(RateLimit.LOGINS_PER_ADDRESS);
        limiter.change(RateLimit.LOGINS_PER_ADDRESS, new RateLimitProperties.Limit(3, Duration.ofHours(1)));
        try {
            for (int i = 1; i <= 3; i++) {
                login("spray-" + i + "@acme.test", "198.51.100." + i, "127.0.3.1")
                        .expect(401);
            }
            Api.Response refused =
                    login("spray-4@acme.test", "198.51.100.4", "127.0.3.1").expect(429);
            assertThat(refused.json().get("type").asText()).isEqualTo("/problems/too-many-attempts");
            assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow()))
                    .isBetween(1L, 3600L);

            login("spray-4@acme.test", "198.51.100.4", "127.0.3.2").expect(401);
        } finally {
            limiter.change(RateLimit.LOGINS_PER_ADDRESS, configured);
        }
    }

    private Api.Response login(String email, String forwardedFor, String from) {
        return api.post("/api/v1/auth/login")
                .header("X-Forwarded-For", forwardedFor)
                .json(Map.of("tenant", "acme", "email", email, "password", "wrong-password-1"))
                .from(from)
                .send();
    }
}
