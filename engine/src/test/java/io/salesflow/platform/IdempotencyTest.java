package io.salesflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class IdempotencyTest {

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InTenant inTenant;

    @Test
    void theSameKeyAndBodyReplayTheFirstResponseWithoutDoingTheWorkTwice() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> team = Map.of("name", "Replay " + key.substring(0, 8), "memberIds", List.of());
        Api.Response first = postTeam("admin@acme.test", key, team).expect(201);
        Api.Response second = postTeam("admin@acme.test", key, team).expect(201);

        assertThat(second.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(second.header("Idempotent-Replayed")).contains("true");
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        long teamsWithName =
                api.as("acme", "admin@acme.test", "GET", "/api/v1/teams").send().json().findValues("name").stream()
                        .filter(n -> n.asText().equals(team.get("name")))
                        .count();
        assertThat(teamsWithName).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        postTeam("admin@acme.test", key, Map.of("name", "Body A " + key.substring(0, 8), "memberIds", List.of()))
                .expect(201);
        Api.Response other = postTeam(
                "admin@acme.test", key, Map.of("name", "Body B " + key.substring(0, 8), "memberIds", List.of()));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("type").asText()).isEqualTo("/problems/idempotency-key-reused");
    }

    @Test
    void theSameKeyWhileTheFirstRequestStillRunsIs409() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> team = Map.of("name", "Slow " + key.substring(0, 8), "memberIds", List.of());
        String admin = api.as("acme", "admin@acme.test", "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();
        Api.Response first = postTeam("admin@acme.test", key, team).expect(201);
        // Put the record back to the state it has while the first request runs.
        inTenant.run(
                "acme",
                () -> jdbc.update(
                        "UPDATE idempotency_keys SET status = 'IN_PROGRESS', response_status = NULL WHERE caller = ? AND idempotency_key = ?",
                        "USER:" + admin,
                        key));
        Api.Response concurrent = postTeam("admin@acme.test", key, team);
        assertThat(concurrent.status()).isEqualTo(409);
        assertThat(concurrent.json().get("type").asText()).isEqualTo("/problems/idempotency-key-in-progress");
        assertThat(first.status()).isEqualTo(201);
    }

    @Test
    void keysAreScopedToTheCaller() {
        String key = UUID.randomUUID().toString();
        postTeam("admin@acme.test", key, Map.of("name", "Scoped A " + key.substring(0, 8), "memberIds", List.of()))
                .expect(201);
        JsonNode globex = postTeam(
                        "admin@globex.test",
                        key,
                        Map.of("name", "Scoped B " + key.substring(0, 8), "memberIds", List.of()))
                .expect(201)
                .json();
        assertThat(globex.get("name").asText()).startsWith("Scoped B");
    }

    @Test
    void aFailedRequestIsStoredAndReplayedToo() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> invalid = Map.of("name", "", "memberIds", List.of());
        postTeam("admin@acme.test", key, invalid).expect(400);
        Api.Response again = postTeam("admin@acme.test", key, invalid).expect(400);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    private Api.Response postTeam(String email, String key, Map<String, Object> body) {
        String tenant = email.substring(email.indexOf('@') + 1, email.indexOf('.'));
        return api.as(tenant, email, "POST", "/api/v1/teams")
                .header("Idempotency-Key", key)
                .json(body)
                .send();
    }
}
