package io.salesflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.identity.Users;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's REST API, its webapps and their APIs answer only the installation's platform operator: every
 * workspace role (the org admin, ops, a custom role holding every permission, a super admin) and API keys of every
 * scope get 403, at every prefix the engine answers at.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineAccessTest {

    /** One path of each kind the engine answers at; a new one the engine starts answering at belongs here. */
    static final List<String> ENGINE_PATHS = List.of(
            "/engine-rest/engine",
            "/engine-rest/task",
            "/engine-rest/task/count",
            "/engine-rest/process-definition",
            "/engine-rest/filter",
            "/engine-rest/user",
            "/engine-rest/authorization",
            "/engine-rest/engine/default/deployment",
            "/camunda/app/cockpit/default/",
            "/camunda/app/tasklist/default/",
            "/camunda/app/admin/default/",
            "/camunda/app/welcome/default/",
            "/camunda/api/engine/engine/default/task",
            "/camunda/api/engine/engine/default/user",
            "/camunda/api/admin/auth/user/default",
            "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
            "/camunda/api/tasklist/plugin/tasklist-search-process-definition/default/process-definition");

    @Autowired
    Api api;

    @Autowired
    IdentityService identityService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    InTenant inTenant;

    @Autowired
    Users users;

    @Autowired
    ServletContext servletContext;

    private final Map<String, String> tenantCallers = new LinkedHashMap<>();

    @BeforeAll
    void everyKindOfWorkspaceCaller() {
        for (String email : List.of(
                "admin@acme.test",
                "ops@acme.test",
                "manager@acme.test",
                "rep@acme.test",
                "marketing@acme.test",
                "auditor@acme.test")) {
            tenantCallers.put(email, api.token("acme", email));
        }
        tenantCallers.put("admin@globex.test", api.token("globex", "admin@globex.test"));

        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String superAdmin = "root-" + suffix + "@acme.test";
        inTenant.run("acme", () -> users.ensure(superAdmin, "Root", Api.DEMO_PASSWORD, List.of("super_admin")));
        tenantCallers.put("a super admin", api.token("acme", superAdmin));

        List<Map<String, String>> everything = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        api.as("acme", "admin@acme.test", "GET", "/api/v1/permissions")
                .send()
                .expect(200)
                .json()
                .forEach(p -> {
                    // The one permission only the super admin role may hold; a super admin is tried below.
                    if (!p.get("code").asText().equals("workspace:owner")) {
                        everything.add(Map.of("permission", p.get("code").asText(), "scope", "ALL"));
                        codes.add(p.get("code").asText());
                    }
                });
        api.as("acme", "admin@acme.test", "POST", "/api/v1/roles")
                .json(Map.of("code", "everything_" + suffix, "name", "Everything " + suffix, "permissions", everything))
                .send()
                .expect(201);
        String custom = "custom-" + suffix + "@acme.test";
        inTenant.run("acme", () -> users.ensure(custom, "Custom", Api.DEMO_PASSWORD, List.of("everything_" + suffix)));
        tenantCallers.put("a custom role with every permission", api.token("acme", custom));

        String key = api.as("acme", "admin@acme.test", "POST", "/api/v1/api-keys")
                .json(Map.of("name", "every scope " + suffix, "scopes", codes))
                .send()
                .expect(201)
                .json()
                .get("key")
                .asText();
        tenantCallers.put("an API key with every scope", key);
    }

    @Test
    void everyEnginePathAnswersOnlyThePlatformOperator() {
        for (String path : ENGINE_PATHS) {
            assertThat(api.get(path).send().status()).as("anonymous " + path).isEqualTo(401);
            tenantCallers.forEach((who, credential) -> {
                Api.Response refused = api.get(path).bearer(credential).send();
                assertThat(refused.status()).as(who + " " + path).isEqualTo(403);
                assertThat(refused.contentType()).startsWith("application/problem+json");
            });
            assertThat(api.asOperator("GET", path).send().status())
                    .as("the platform operator " + path)
                    .isNotIn(401, 403);
        }
    }

    @Test
    void anApiKeyInTheOtherHeaderIsRefusedToo() {
        assertThat(api.get("/engine-rest/task")
                        .header("X-Api-Key", tenantCallers.get("an API key with every scope"))
                        .send()
                        .status())
                .isEqualTo(403);
    }

    /**
     * Every servlet besides Spring's own sits under the two prefixes the security chain gives the operator, so a
     * Camunda upgrade that adds an API elsewhere fails here instead of opening it to every tenant.
     */
    @Test
    void theEngineAnswersAtNoOtherPrefix() {
        servletContext.getServletRegistrations().forEach((name, registration) -> {
            for (String mapping : registration.getMappings()) {
                if (!"dispatcherServlet".equals(name)) {
                    assertThat(mapping).as("servlet " + name).matches("/(engine-rest|camunda)/.*");
                }
            }
        });
    }

    @Test
    void theOperatorOpensCockpitWithTheCookieOfTheirSignIn() {
        Api.Response login = api.platformLogin("operator", Api.DEMO_PASSWORD).expect(200);
        String cookie = login.header("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("sf_engine_session=", "Path=/camunda", "HttpOnly", "SameSite=Strict");
        Api.Response cockpit = api.get("/camunda/app/cockpit/default/")
                .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                .send()
                .expect(200);
        assertThat(cockpit.body()).contains("Cockpit");
        String operatorId = identityService.createUserQuery().memberOfGroup("camunda-admin").list().stream()
                .map(u -> u.getId())
                .filter(id -> !id.equals("salesflow-system"))
                .findFirst()
                .orElseThrow();
        assertThat(cockpit.header("X-Authorized-User")).contains(operatorId);

        // What Cockpit's page does next, with the session it got: load its assets, then ask who is signed in.
        String engineCookie = cookie.substring(0, cookie.indexOf(';'));
        String session = sessionCookie(cockpit);
        for (String asset : List.of("/camunda/app/cockpit/styles/user-styles.css", "/camunda/lib/runtime.js")) {
            Api.Response loaded = api.get(asset)
                    .header("Cookie", engineCookie + "; " + session)
                    .send()
                    .expect(200);
            assertThat(loaded.header("Set-Cookie").orElse(""))
                    .as("the session stays")
                    .doesNotContain("JSESSIONID");
        }
        Api.Response user = api.get("/camunda/api/admin/auth/user/default")
                .header("Cookie", engineCookie + "; " + session)
                .send()
                .expect(200);
        assertThat(user.json().get("userId").asText()).isEqualTo(operatorId);
    }

    private static String sessionCookie(Api.Response response) {
        return response.allHeaders("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aWorkspaceSignInSetsNoEngineCookie() {
        assertThat(api.login("acme", "ops@acme.test", Api.DEMO_PASSWORD)
                        .expect(200)
                        .header("Set-Cookie"))
                .isEmpty();
    }

    @Test
    void aWrongOperatorPasswordAndAnUnknownOperatorGetTheSameAnswer() {
        Api.Response wrongPassword =
                api.platformLogin("operator", "not-the-password").expect(401);
        Api.Response unknown = api.platformLogin("nobody", "not-the-password").expect(401);
        assertThat(wrongPassword.json().get("type")).isEqualTo(unknown.json().get("type"));
        assertThat(wrongPassword.json().get("detail")).isEqualTo(unknown.json().get("detail"));
        assertThat(api.platformLogin("operator", "").status()).isEqualTo(400);
    }

    @Test
    void thePlatformOperatorBelongsToNoWorkspace() {
        Api.Response leads = api.asOperator("GET", "/api/v1/leads").send().expect(403);
        assertThat(leads.json().get("detail").asText()).contains("belongs to no workspace");
        api.asOperator("GET", "/api/v1/me").send().expect(403);
        assertThat(api.asOperator("GET", "/engine-rest/engine")
                        .header("X-Tenant", "acme")
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @Test
    void onlyTheSystemUserAndTheOperatorAreEngineAdmins() {
        assertThat(identityService
                        .createUserQuery()
                        .memberOfGroup("camunda-admin")
                        .list())
                .extracting(u -> u.getId())
                .hasSize(2)
                .contains("salesflow-system");
    }

    @Test
    void theEngineKnowsOurUsersGroupsAndTenants() {
        String opsId = api.as("acme", "ops@acme.test", "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();
        assertThat(identityService
                        .createUserQuery()
                        .userId(opsId)
                        .singleResult()
                        .getEmail())
                .isEqualTo("ops@acme.test");
        assertThat(identityService.createTenantQuery().userMember(opsId).list())
                .extracting(t -> t.getId())
                .containsExactly("acme");
        assertThat(identityService.createGroupQuery().groupMember(opsId).list())
                .extracting(g -> g.getId())
                .containsExactly("acme:process_operator");

        String repId = api.as("acme", "rep@acme.test", "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();
        List<String> repGroups = identityService.createGroupQuery().groupMember(repId).list().stream()
                .map(g -> g.getId())
                .toList();
        assertThat(repGroups).contains("acme:sales_rep").anyMatch(g -> g.startsWith("acme:team:"));
        assertThat(identityService.createTenantQuery().list())
                .extracting(t -> t.getId())
                .contains("acme", "globex");
    }

    @Test
    void theOperatorSeesEveryTenantsDefinitions() {
        for (String tenant : List.of("acme", "globex")) {
            repositoryService
                    .createDeployment()
                    .tenantId(tenant)
                    .name("tenant-probe")
                    .addModelInstance(
                            "tenant-probe.bpmn",
                            Bpmn.createExecutableProcess("tenant_probe")
                                    .camundaHistoryTimeToLive(1)
                                    .startEvent()
                                    .endEvent()
                                    .done())
                    .deploy();
        }
        JsonNode definitions = api.asOperator("GET", "/engine-rest/process-definition?key=tenant_probe&maxResults=50")
                .send()
                .expect(200)
                .json();
        List<String> tenants = new ArrayList<>();
        definitions.forEach(d -> tenants.add(d.get("tenantId").asText()));
        assertThat(tenants).contains("acme", "globex");
    }
}
