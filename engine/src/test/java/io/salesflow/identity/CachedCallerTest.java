package io.salesflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import io.salesflow.tenancy.Tenants;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A request's caller comes from {@link CallerCache} while the workspace's identity version holds: every change to
 * users, roles, teams, sessions and keys still applies to the very next request of a caller that was cached.
 */
@IntegrationTest
class CachedCallerTest {

    private static final String PASSWORD = "Cached-caller-1";

    private final Map<String, String> ids = new java.util.HashMap<>();

    @Autowired
    Api api;

    @Autowired
    CallerCache cache;

    @Autowired
    Tenants tenants;

    @Test
    void aPermissionTakenFromARoleRefusesTheNextRequestOfACachedCaller() {
        String code = "reader_" + suffix();
        String roleId = api.as("acme", "admin@acme.test", "POST", "/api/v1/roles")
                .json(role(code, "leads:read", "accounts:read"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        String token = signIn(newUser(List.of(code)));
        api.get("/api/v1/leads").bearer(token).send().expect(200);
        api.get("/api/v1/leads").bearer(token).send().expect(200);

        api.as("acme", "admin@acme.test", "PUT", "/api/v1/roles/" + roleId)
                .json(role(code, "accounts:read"))
                .send()
                .expect(200);

        api.get("/api/v1/leads").bearer(token).send().expect(403);
        api.get("/api/v1/accounts").bearer(token).send().expect(200);
    }

    @Test
    void aDeactivatedUsersCachedCallerIsRefused() {
        String email = newUser(List.of("org_admin"));
        String token = signIn(email);
        String key = api.post("/api/v1/api-keys")
                .bearer(token)
                .json(Map.of("name", "Admin's sync", "scopes", List.of("leads:read")))
                .send()
                .expect(201)
                .json()
                .get("key")
                .asText();
        api.get("/api/v1/me").bearer(token).send().expect(200);
        api.get("/api/v1/leads").bearer(key).send().expect(200);

        api.as("acme", "admin@acme.test", "PATCH", "/api/v1/users/" + userId(email))
                .json(Map.of("status", "DEACTIVATED"))
                .send()
                .expect(200);

        assertThat(api.get("/api/v1/me").bearer(token).send().expect(401).body())
                .contains("deactivated");
        api.get("/api/v1/leads").bearer(key).send().expect(401);
    }

    @Test
    void aSignedOutSessionAndARevokedKeyAreRefusedThoughTheirCallerIsCached() {
        String email = newUser(List.of("org_admin"));
        JsonNode tokens = api.login("acme", email, PASSWORD).expect(200).json();
        String token = tokens.get("accessToken").asText();
        JsonNode key = api.post("/api/v1/api-keys")
                .bearer(token)
                .json(Map.of("name", "Short-lived", "scopes", List.of("leads:read")))
                .send()
                .expect(201)
                .json();
        api.get("/api/v1/leads").bearer(key.get("key").asText()).send().expect(200);
        api.get("/api/v1/me").bearer(token).send().expect(200);

        api.post("/api/v1/api-keys/" + key.get("id").asText() + "/revoke")
                .bearer(token)
                .send()
                .expect(200);
        api.get("/api/v1/leads").bearer(key.get("key").asText()).send().expect(401);

        api.post("/api/v1/auth/logout")
                .json(Map.of("refreshToken", tokens.get("refreshToken").asText()))
                .send()
                .expect(204);
        api.get("/api/v1/me").bearer(token).send().expect(401);
    }

    @Test
    void anotherWorkspacesChangeKeepsTheCachedCallerAndItsOwnChangeReplacesIt() {
        String email = newUser(List.of("sales_rep"));
        String token = signIn(email);
        api.get("/api/v1/me").bearer(token).send().expect(200);
        UUID acme = tenants.findBySlug("acme").orElseThrow().getId();
        UUID user = UUID.fromString(userId(email));
        Caller cached = cache.cached(acme, user).orElseThrow();

        api.as("globex", "admin@globex.test", "POST", "/api/v1/teams")
                .json(Map.of("name", "Globex team " + suffix(), "memberIds", List.of()))
                .send()
                .expect(201);
        JsonNode me = api.get("/api/v1/me").bearer(token).send().expect(200).json();
        assertThat(cache.cached(acme, user)).containsSame(cached);
        assertThat(me.toString()).doesNotContain("globex");

        api.as("acme", "admin@acme.test", "POST", "/api/v1/teams")
                .json(Map.of("name", "Acme team " + suffix(), "memberIds", List.of(user.toString())))
                .send()
                .expect(201);
        api.get("/api/v1/me").bearer(token).send().expect(200);
        Caller rebuilt = cache.cached(acme, user).orElseThrow();
        assertThat(rebuilt).isNotSameAs(cached);
        assertThat(rebuilt.teamIds()).hasSize(cached.teamIds().size() + 1);
    }

    private static Map<String, Object> role(String code, String... permissions) {
        return Map.of(
                "code",
                code,
                "name",
                "Reader " + code,
                "permissions",
                List.of(permissions).stream().map(p -> Map.of("permission", p)).toList());
    }

    private String newUser(List<String> roles) {
        String email = "cached-" + suffix() + "@acme.test";
        String id = api.as("acme", "admin@acme.test", "POST", "/api/v1/users")
                .json(Map.of("email", email, "displayName", "Cached caller", "password", PASSWORD, "roles", roles))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        ids.put(email, id);
        return email;
    }

    private String userId(String email) {
        return ids.get(email);
    }

    private String signIn(String email) {
        return api.login("acme", email, PASSWORD)
                .expect(200)
                .json()
                .get("accessToken")
                .asText();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
