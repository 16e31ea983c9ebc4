package io.salesflow.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The limits per caller, per workspace and per address of failed API keys, lowered for the test and put back. */
@IntegrationTest
class ApiRateLimitTest {

    private static final Duration HOUR = Duration.ofHours(1);

    @Autowired
    Api api;

    @Autowired
    RateLimiter limiter;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InTenant inTenant;

    private final Map<RateLimit, RateLimitProperties.Limit> configured = new EnumMap<>(RateLimit.class);

    @BeforeEach
    void signInFirst() {
        for (RateLimit limit : RateLimit.values()) {
            configured.put(limit, limiter.limit(limit));
        }
        for (String email : List.of("rep@acme.test", "admin@acme.test", "ops@acme.test")) {
            api.token("acme", email);
        }
        api.token("globex", "admin@globex.test");
    }

    @AfterEach
    void putTheLimitsBack() {
        configured.forEach(limiter::change);
    }

    @Test
    void aCallerOverItsLimitGets429WithRetryAfterOnListsSearchAndExportsWhileOtherCallersCarryOn() {
        limiter.change(RateLimit.PER_CALLER, new RateLimitProperties.Limit(5, HOUR));
        for (String path : List.of(
                "/api/v1/leads",
                "/api/v1/search?q=acme",
                "/api/v1/leads/export?limit=1",
                "/api/v1/contacts",
                "/api/v1/me")) {
            api.as("acme", "rep@acme.test", "GET", path).send().expect(200);
        }

        for (String path : List.of("/api/v1/leads", "/api/v1/search?q=acme", "/api/v1/leads/export?limit=1")) {
            Api.Response refused =
                    api.as("acme", "rep@acme.test", "GET", path).send().expect(429);
            assertRateLimited(refused, "caller");
        }
        api.as("acme", "admin@acme.test", "GET", "/api/v1/leads").send().expect(200);
    }

    @Test
    void aWorkspaceOverItsLimitGets429AndAnotherWorkspacesTrafficDoesNotUseItsBudget() {
        limiter.change(RateLimit.PER_TENANT, new RateLimitProperties.Limit(6, HOUR));
        for (int i = 0; i < 6; i++) {
            api.as("globex", "admin@globex.test", "GET", "/api/v1/leads").send().expect(200);
        }
        assertRateLimited(
                api.as("globex", "admin@globex.test", "GET", "/api/v1/leads")
                        .send()
                        .expect(429),
                "workspace");

        for (String email : List.of("rep@acme.test", "admin@acme.test", "ops@acme.test")) {
            api.as("acme", email, "GET", "/api/v1/leads").send().expect(200);
            api.as("acme", email, "GET", "/api/v1/contacts").send().expect(200);
        }
        assertRateLimited(
                api.as("acme", "rep@acme.test", "GET", "/api/v1/me").send().expect(429), "workspace");
        assertRateLimited(
                api.as("globex", "admin@globex.test", "GET", "/api/v1/me")
                        .send()
                        .expect(429),
                "workspace");
    }

    @Test
    void onceKeysFromAnAddressFailedTooOftenItsKeysAreRefusedUncheckedWhileOtherAddressesAreServed() {
        String key = api.as("acme", "admin@acme.test", "POST", "/api/v1/api-keys")
                .json(Map.of("name", "Rate limit test", "scopes", List.of("leads:read")))
                .send()
                .expect(201)
                .json()
                .get("key")
                .asText();
        limiter.change(RateLimit.FAILED_API_KEYS_PER_ADDRESS, new RateLimitProperties.Limit(3, HOUR));
        String forged = "sfk_acme_000000000000_" + "x".repeat(43);

        for (int i = 0; i < 3; i++) {
            api.get("/api/v1/leads").bearer(forged).from("127.0.0.81").send().expect(401);
        }
        Api.Response refused = api.get("/api/v1/leads")
                .bearer(forged)
                .header("X-Forwarded-For", "203.0.113.7")
                .from("127.0.0.81")
                .send()
                .expect(429);
        assertThat(refused.json().get("type").asText()).isEqualTo("/problems/too-many-failed-api-keys");
        assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isBetween(1L, 3600L);
        assertThat(refused.header("WWW-Authenticate")).isEmpty();
        api.get("/api/v1/leads")
                .header("X-Api-Key", key)
                .from("127.0.0.81")
                .send()
                .expect(429);

        api.get("/api/v1/leads")
                .header("X-Api-Key", key)
                .from("127.0.0.82")
                .send()
                .expect(200);
        Integer recorded = inTenant.call(
                "acme",
                () -> jdbc.queryForObject(
                        """
                        SELECT count(*) FROM security_events
                        WHERE event_type = 'API_KEY_REJECTED' AND ip_address = '127.0.0.81'
                        """,
                        Integer.class));
        assertThat(recorded).as("refused keys cost no security event").isEqualTo(3);
    }

    private static void assertRateLimited(Api.Response refused, String limit) {
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.get("type").asText()).isEqualTo("/problems/rate-limited");
        assertThat(problem.get("limit").asText()).isEqualTo(limit);
        long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3600L);
        assertThat(problem.get("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
    }
}
