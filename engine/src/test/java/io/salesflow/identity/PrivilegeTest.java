package io.salesflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.tenancy.Tenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Ways to more power than one was given, each closed. */
@IntegrationTest
class PrivilegeTest {

    private static final String PASSWORD = "A-long-passphrase-9";

    @Autowired
    Api api;

    @Autowired
    Users users;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Tenants tenants;

    @Test
    void aRoleManagerCannotGrantPermissionsTheyDoNotHold() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String roleId = api.as("acme", "admin@acme.test", "POST", "/api/v1/roles")
                .json(Map.of(
                        "code",
                        "rolemgr_" + suffix,
                        "name",
                        "Role manager",
                        "permissions",
                        List.of(Map.of("permission", "roles:manage"), Map.of("permission", "users:read"))))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        String token = userWithRoles("rolemgr-" + suffix, List.of("rolemgr_" + suffix));

        Api.Response escalate = api.call("PUT", "/api/v1/roles/" + roleId)
                .bearer(token)
                .json(Map.of(
                        "code",
                        "rolemgr_" + suffix,
                        "name",
                        "Role manager",
                        "permissions",
                        List.of(Map.of("permission", "roles:manage"), Map.of("permission", "users:manage"))))
                .send();
        assertThat(escalate.status()).isEqualTo(403);
        assertThat(escalate.json().get("detail").asText()).contains("users:manage");
    }

    @Test
    void aUserManagerCannotHandOutARoleAboveTheirOwn() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        api.as("acme", "admin@acme.test", "POST", "/api/v1/roles")
                .json(Map.of(
                        "code",
                        "usermgr_" + suffix,
                        "name",
                        "User manager",
                        "permissions",
                        List.of(Map.of("permission", "users:manage"), Map.of("permission", "users:read"))))
                .send()
                .expect(201);
        String token = userWithRoles("usermgr-" + suffix, List.of("usermgr_" + suffix));
        Api.Response escalate = api.call("POST", "/api/v1/users")
                .bearer(token)
                .json(Map.of(
                        "email",
                        "accomplice-" + suffix + "@acme.test",
                        "displayName",
                        "Accomplice",
                        "password",
                        PASSWORD,
                        "roles",
                        List.of("org_admin")))
                .send();
        assertThat(escalate.status()).isEqualTo(403);
        String admin = api.as("acme", "admin@acme.test", "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();
        assertThat(api.call("PATCH", "/api/v1/users/" + admin)
                        .bearer(token)
                        .json(Map.of("password", "Taken-over-123"))
                        .send()
                        .status())
                .as("nor change a user who holds more")
                .isEqualTo(403);
    }

    @Test
    void anOrgAdminCannotTakeOverASuperAdmin() {
        String email = "root-" + UUID.randomUUID().toString().substring(0, 6) + "@acme.test";
        String rootId = inTenant.call("acme", () -> users.ensure(email, "Root", PASSWORD, List.of("super_admin")))
                .id()
                .toString();
        Api.Response takeover = api.as("acme", "admin@acme.test", "PATCH", "/api/v1/users/" + rootId)
                .json(Map.of("password", "Taken-over-123"))
                .send();
        assertThat(takeover.status()).isEqualTo(403);
        api.login("acme", email, PASSWORD).expect(200);
    }

    @Test
    void aPasswordResetEndsTheUsersSessions() {
        String email = "reset-" + UUID.randomUUID().toString().substring(0, 6) + "@acme.test";
        String id = createUser(email, List.of("sales_rep"));
        JsonNode tokens = api.login("acme", email, PASSWORD).expect(200).json();
        api.as("acme", "admin@acme.test", "PATCH", "/api/v1/users/" + id)
                .json(Map.of("password", "Another-passphrase-7"))
                .send()
                .expect(200);
        api.post("/api/v1/auth/refresh")
                .json(Map.of("refreshToken", tokens.get("refreshToken").asText()))
                .send()
                .expect(401);
        api.get("/api/v1/me").bearer(tokens.get("accessToken").asText()).send().expect(401);
        Integer audited = inTenant.call(
                "acme",
                () -> jdbc.queryForObject(
                        "SELECT count(*) FROM audit_log WHERE action = 'user.password_reset' AND resource_id = ?",
                        Integer.class,
                        id));
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void anApiKeyLosesWhatItsCreatorLoses() {
        String email = "keyholder-" + UUID.randomUUID().toString().substring(0, 6) + "@acme.test";
        String id = createUser(email, List.of("org_admin"));
        String token = api.login("acme", email, PASSWORD)
                .expect(200)
                .json()
                .get("accessToken")
                .asText();
        String key = api.post("/api/v1/api-keys")
                .bearer(token)
                .json(Map.of("name", "Directory sync", "scopes", List.of("users:read", "accounts:read")))
                .send()
                .expect(201)
                .json()
                .get("key")
                .asText();
        api.get("/api/v1/users").bearer(key).send().expect(200);

        api.as("acme", "admin@acme.test", "PATCH", "/api/v1/users/" + id)
                .json(Map.of("roles", List.of("sales_rep")))
                .send()
                .expect(200);
        api.get("/api/v1/users").bearer(key).send().expect(403);
        JsonNode me = api.get("/api/v1/me").bearer(key).send().expect(200).json();
        assertThat(me.get("scopes").get("accounts:read").asText())
                .as("the creator's scope now")
                .isEqualTo("TEAM");
    }

    @Test
    void ofParallelWrongPasswordsExactlyFiveAreCheckedAndTheRestWait() throws Exception {
        String email = "parallel-" + UUID.randomUUID().toString().substring(0, 6) + "@acme.test";
        createUser(email, List.of("sales_rep"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            attempts.add(CompletableFuture.supplyAsync(
                    () -> api.login("acme", email, "wrong-guess").status(), pool));
        }
        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).toList();
        pool.shutdown();
        assertThat(statuses).filteredOn(status -> status == 401).hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(11);
        Integer failures = inTenant.call(
                "acme",
                () -> jdbc.queryForObject(
                        "SELECT count(*) FROM security_events WHERE email = ? AND event_type = 'LOGIN_FAILED'",
                        Integer.class,
                        email));
        assertThat(failures).isEqualTo(5);
    }

    @Test
    void aNewApiKeysSecretIsNeverKeptForIdempotentReplay() {
        String idempotencyKey = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", "Once", "scopes", List.of("leads:write"));
        api.as("acme", "admin@acme.test", "POST", "/api/v1/api-keys")
                .header("Idempotency-Key", idempotencyKey)
                .json(body)
                .send()
                .expect(201);
        Api.Response repeat = api.as("acme", "admin@acme.test", "POST", "/api/v1/api-keys")
                .header("Idempotency-Key", idempotencyKey)
                .json(body)
                .send()
                .expect(409);
        assertThat(repeat.json().get("type").asText()).isEqualTo("/problems/idempotency-response-not-kept");
        assertThat(repeat.body()).doesNotContain("sfk_");
        Integer stored = inTenant.call(
                "acme",
                () -> jdbc.queryForObject(
                        "SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ? AND response_body IS NOT NULL",
                        Integer.class,
                        idempotencyKey));
        assertThat(stored).isZero();
    }

    @Test
    void tokensOfASuspendedWorkspaceStopWorking() {
        String slug = "susp" + UUID.randomUUID().toString().substring(0, 6);
        UUID tenant = tenants.provision(slug, "Suspended Ltd").getId();
        inTenant.run(slug, () -> users.ensure("boss@" + slug + ".test", "Boss", PASSWORD, List.of("org_admin")));
        String token = api.login(slug, "boss@" + slug + ".test", PASSWORD)
                .expect(200)
                .json()
                .get("accessToken")
                .asText();
        api.get("/api/v1/me").bearer(token).send().expect(200);
        jdbc.update("UPDATE tenants SET status = 'SUSPENDED' WHERE id = ?", tenant);
        api.get("/api/v1/me").bearer(token).send().expect(401);
    }

    private String createUser(String email, List<String> roles) {
        return api.as("acme", "admin@acme.test", "POST", "/api/v1/users")
                .json(Map.of("email", email, "displayName", "Test user", "password", PASSWORD, "roles", roles))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private String userWithRoles(String name, List<String> roles) {
        String email = name + "@acme.test";
        createUser(email, roles);
        return api.login("acme", email, PASSWORD)
                .expect(200)
                .json()
                .get("accessToken")
                .asText();
    }
}
