package io.salesflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.platform.database.EmbeddedPostgresServer;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.tenancy.Tenants;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class LoginTest {

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InTenant inTenant;

    @Autowired
    Tenants tenants;

    @Autowired
    Users users;

    @Autowired
    EmbeddedPostgresServer database;

    @Test
    void aDemoUserSignsInAndGetsAShortLivedAccessTokenAndARefreshToken() {
        JsonNode tokens = api.login("acme", "rep@acme.test", Api.DEMO_PASSWORD)
                .expect(200)
                .json();
        assertThat(tokens.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresIn").asLong()).isPositive().isLessThanOrEqualTo(900);
        assertThat(tokens.get("refreshToken").asText()).isNotBlank();

        JsonNode me = api.get("/api/v1/me")
                .bearer(tokens.get("accessToken").asText())
                .send()
                .expect(200)
                .json();
        assertThat(me.get("email").asText()).isEqualTo("rep@acme.test");
        assertThat(me.get("tenant").asText()).isEqualTo("acme");
        assertThat(me.get("roles")).extracting(JsonNode::asText).containsExactly("sales_rep");
        assertThat(me.get("teams").get(0).get("name").asText()).isEqualTo("East");
        assertThat(me.get("scopes").get("leads:write").asText()).isEqualTo("OWN");
    }

    @Test
    void wrongPasswordUnknownUserAndUnknownWorkspaceAllAnswerTheSame401() {
        Api.Response wrongPassword =
                api.login("acme", "rep@acme.test", "not-the-password").expect(401);
        Api.Response unknownUser =
                api.login("acme", "nobody@acme.test", "not-the-password").expect(401);
        Api.Response unknownTenant =
                api.login("initech", "rep@acme.test", "not-the-password").expect(401);
        for (Api.Response r : List.of(wrongPassword, unknownUser, unknownTenant)) {
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("type").asText()).isEqualTo("/problems/invalid-credentials");
        }
        assertThat(unknownUser.json().get("detail"))
                .isEqualTo(wrongPassword.json().get("detail"));
    }

    @Test
    void afterFiveFailuresTheNextAttemptWaitsEvenWithTheRightPasswordEveryAttemptIsStoredAndAnAdminLiftsTheWait() {
        String email = "lockme@acme.test";
        inTenant.run("acme", () -> users.ensure(email, "Lock Me", Api.DEMO_PASSWORD, List.of("sales_rep")));

        for (int i = 1; i <= 5; i++) {
            api.post("/api/v1/auth/login")
                    .header("User-Agent", "brute-force-test")
                    .json(Map.of("tenant", "acme", "email", email, "password", "wrong-" + i))
                    .send()
                    .expect(401);
        }
        Api.Response waiting = api.login("acme", email, Api.DEMO_PASSWORD).expect(429);
        assertThat(waiting.contentType()).startsWith("application/problem+json");
        assertThat(waiting.json().get("type").asText()).isEqualTo("/problems/login-throttled");
        long retryAfter = Long.parseLong(waiting.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isPositive();
        assertThat(waiting.json().get("retryAfterSeconds").asLong()).isEqualTo(retryAfter);

        List<Map<String, Object>> events = inTenant.call(
                "acme",
                () -> jdbc.queryForList(
                        "SELECT event_type, outcome, user_id, ip_address, user_agent, request_id FROM security_events WHERE email = ? ORDER BY id",
                        email));
        assertThat(events)
                .extracting(e -> e.get("event_type"))
                .containsExactly(
                        "LOGIN_FAILED",
                        "LOGIN_FAILED",
                        "LOGIN_FAILED",
                        "LOGIN_FAILED",
                        "LOGIN_FAILED",
                        "LOGIN_THROTTLED");
        assertThat(events.get(0))
                .containsEntry("outcome", "FAILURE")
                .containsEntry("user_agent", "brute-force-test")
                .containsEntry("ip_address", "127.0.0.1");
        assertThat(events.get(0).get("user_id")).isNotNull();
        assertThat(events.get(0).get("request_id")).isNotNull();

        JsonNode audited = api.as(
                        "acme",
                        "auditor@acme.test",
                        "GET",
                        "/api/v1/security-events?limit=20&userId="
                                + events.get(0).get("user_id"))
                .send()
                .expect(200)
                .json();
        assertThat(audited.get("items").get(0).get("eventType").asText()).isEqualTo("LOGIN_THROTTLED");
        api.as("acme", "rep@acme.test", "GET", "/api/v1/security-events").send().expect(403);

        String userId = events.get(0).get("user_id").toString();
        api.as("acme", "admin@acme.test", "PATCH", "/api/v1/users/" + userId)
                .json(Map.of("status", "ACTIVE"))
                .send()
                .expect(200);
        api.login("acme", email, Api.DEMO_PASSWORD).expect(200);
    }

    @Test
    void attemptsAgainstAnUnknownWorkspaceAreStoredWithoutTenantData() {
        // A workspace name of its own: other tests call unknown workspaces too, in the same database.
        String nowhere = "nowhere-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        api.login(nowhere, "probe@example.com", "whatever-123").expect(401);
        Integer stored = new JdbcTemplate(database.superuserDataSource())
                .queryForObject(
                        "SELECT count(*) FROM unattributed_security_events WHERE tenant_slug = ?",
                        Integer.class,
                        nowhere);
        assertThat(stored).isEqualTo(1);
        Throwable appRoleRead = org.assertj.core.api.Assertions.catchThrowable(
                () -> jdbc.queryForObject("SELECT count(*) FROM unattributed_security_events", Integer.class));
        assertThat(appRoleRead)
                .as("the app role may add these, not read them")
                .rootCause()
                .hasMessageContaining("permission denied");
    }
}
