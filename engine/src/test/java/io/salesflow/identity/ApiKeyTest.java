package io.salesflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class ApiKeyTest {

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InTenant inTenant;

    @Test
    void anOrgAdminCreatesAKeyThatIsShownOnceStoredHashedAndGrantsItsScopesOnly() {
        JsonNode created = create("Web form", List.of("leads:write", "messages:write"), null)
                .expect(201)
                .json();
        String key = created.get("key").asText();
        assertThat(key).startsWith("sfk_acme_");
        assertThat(created.get("scopes")).extracting(JsonNode::asText).containsExactly("leads:write", "messages:write");

        JsonNode listed = api.as("acme", "admin@acme.test", "GET", "/api/v1/api-keys")
                .send()
                .expect(200)
                .json();
        JsonNode entry = find(listed, created.get("id").asText());
        assertThat(entry.get("key").isNull())
                .as("the secret is never shown again")
                .isTrue();
        String storedHash = inTenant.call(
                "acme",
                () -> jdbc.queryForObject(
                        "SELECT secret_hash FROM api_keys WHERE id = ?::uuid",
                        String.class,
                        created.get("id").asText()));
        assertThat(key).doesNotContain(storedHash);
        assertThat(storedHash).hasSize(64);

        JsonNode viaBearer =
                api.get("/api/v1/me").bearer(key).send().expect(200).json();
        JsonNode viaHeader = api.get("/api/v1/me")
                .header("X-Api-Key", key)
                .send()
                .expect(200)
                .json();
        assertThat(viaBearer.get("kind").asText()).isEqualTo("API_KEY");
        assertThat(viaHeader.get("permissions"))
                .extracting(JsonNode::asText)
                .containsExactly("leads:write", "messages:write");

        api.get("/api/v1/users").bearer(key).send().expect(403);

        JsonNode afterUse = find(
                api.as("acme", "admin@acme.test", "GET", "/api/v1/api-keys")
                        .send()
                        .json(),
                created.get("id").asText());
        assertThat(afterUse.get("lastUsedAt").isNull()).isFalse();
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        JsonNode created =
                create("Zapier", List.of("leads:write"), null).expect(201).json();
        String key = created.get("key").asText();
        api.get("/api/v1/me").bearer(key).send().expect(200);
        api.as(
                        "acme",
                        "admin@acme.test",
                        "POST",
                        "/api/v1/api-keys/" + created.get("id").asText() + "/revoke")
                .send()
                .expect(200);
        Api.Response refused = api.get("/api/v1/me").bearer(key).send().expect(401);
        assertThat(refused.json().get("type").asText()).isEqualTo("/problems/api-key-revoked");
    }

    @Test
    void aKeyStopsWorkingWhenItsCreatorIsDeactivated() {
        String email = "keymaker-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
        String adminId = api.as("acme", "admin@acme.test", "POST", "/api/v1/users")
                .json(Map.of(
                        "email",
                        email,
                        "displayName",
                        "Key Maker",
                        "password",
                        "A-long-passphrase-9",
                        "roles",
                        List.of("org_admin")))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        String token = api.login("acme", email, "A-long-passphrase-9")
                .expect(200)
                .json()
                .get("accessToken")
                .asText();
        String key = api.post("/api/v1/api-keys")
                .bearer(token)
                .json(Map.of("name", "Leaver's key", "scopes", List.of("leads:write")))
                .send()
                .expect(201)
                .json()
                .get("key")
                .asText();
        api.get("/api/v1/me").bearer(key).send().expect(200);
        api.as("acme", "admin@acme.test", "PATCH", "/api/v1/users/" + adminId)
                .json(Map.of("status", "DEACTIVATED"))
                .send()
                .expect(200);
        assertThat(api.get("/api/v1/me")
                        .bearer(key)
                        .send()
                        .expect(401)
                        .json()
                        .get("type")
                        .asText())
                .isEqualTo("/problems/api-key-revoked");
    }

    @Test
    void anExpiredKeyIsRefused() {
        JsonNode created = create(
                        "Short-lived", List.of("leads:write"), Instant.now().plus(1, ChronoUnit.HOURS))
                .expect(201)
                .json();
        inTenant.call(
                "acme",
                () -> jdbc.update(
                        "UPDATE api_keys SET expires_at = now() - interval '1 minute' WHERE id = ?::uuid",
                        created.get("id").asText()));
        Api.Response refused =
                api.get("/api/v1/me").bearer(created.get("key").asText()).send().expect(401);
        assertThat(refused.json().get("type").asText()).isEqualTo("/problems/api-key-expired");
    }

    @Test
    void aForgedKeyIsRefused() {
        String real = create("Real", List.of("leads:write"), null)
                .expect(201)
                .json()
                .get("key")
                .asText();
        String forged = real.substring(0, real.lastIndexOf('_') + 1) + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        assertThat(api.get("/api/v1/me")
                        .bearer(forged)
                        .send()
                        .expect(401)
                        .json()
                        .get("type")
                        .asText())
                .isEqualTo("/problems/invalid-api-key");
        api.get("/api/v1/me")
                .header("X-Api-Key", "sfk_nowhere_0000_secret")
                .send()
                .expect(401);
        api.get("/api/v1/me").header("X-Api-Key", "sfk_broken").send().expect(401);
    }

    @Test
    void keysCannotCarryUnknownScopesOrScopesTheCreatorLacks() {
        Api.Response unknown =
                create("Bad", List.of("leads:write", "everything:all"), null).expect(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("scopes[1]");
        api.as("acme", "rep@acme.test", "POST", "/api/v1/api-keys")
                .json(Map.of("name", "mine", "scopes", List.of("leads:write")))
                .send()
                .expect(403);
    }

    private Api.Response create(String name, List<String> scopes, Instant expiresAt) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "scopes", scopes));
        if (expiresAt != null) {
            body.put("expiresAt", expiresAt.toString());
        }
        return api.as("acme", "admin@acme.test", "POST", "/api/v1/api-keys")
                .json(body)
                .send();
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode n : list) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("No key " + id + " in " + list);
    }
}
