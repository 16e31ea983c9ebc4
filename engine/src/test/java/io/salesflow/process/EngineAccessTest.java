package io.salesflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine's REST API and webapps are for operators behind our login, and see only their own tenant. */
@IntegrationTest
class EngineAccessTest {

    @Autowired
    Api api;

    @Autowired
    IdentityService identityService;

    @Autowired
    RepositoryService repositoryService;

    @Test
    void theEngineRestApiAnswersOnlyOperators() {
        assertThat(api.get("/engine-rest/engine").send().status()).isEqualTo(401);
        assertThat(api.as("acme", "rep@acme.test", "GET", "/engine-rest/engine")
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.as("acme", "ops@acme.test", "GET", "/engine-rest/engine")
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void cockpitAnswersOnlyOperators() {
        String opsId = api.as("acme", "ops@acme.test", "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();
        String profile = "/camunda/api/engine/engine/default/user/" + opsId + "/profile";
        assertThat(api.get(profile).send().status()).isEqualTo(401);
        assertThat(api.as("acme", "rep@acme.test", "GET", profile).send().status())
                .isEqualTo(403);
        Api.Response ops =
                api.as("acme", "ops@acme.test", "GET", profile).send().expect(200);
        assertThat(ops.json().get("email").asText()).isEqualTo("ops@acme.test");

        String cockpit = "/camunda/app/cockpit/default/";
        assertThat(api.get(cockpit).send().status()).isEqualTo(401);
        assertThat(api.as("acme", "rep@acme.test", "GET", cockpit).send().status())
                .isEqualTo(403);
        Api.Response page =
                api.as("acme", "ops@acme.test", "GET", cockpit).send().expect(200);
        assertThat(page.body()).contains("Cockpit");
        assertThat(page.header("X-Authorized-User")).contains(opsId);
    }

    @Test
    void anOperatorCannotChangeEngineIdentitiesOrDeployUnvalidatedModels() {
        String opsId = api.as("acme", "ops@acme.test", "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();
        assertThat(api.as("acme", "ops@acme.test", "PUT", "/engine-rest/group/camunda-admin/members/" + opsId)
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.as("acme", "ops@acme.test", "POST", "/engine-rest/user/create")
                        .json("{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}")
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.as("acme", "ops@acme.test", "POST", "/engine-rest/deployment/create")
                        .body("", "multipart/form-data; boundary=x")
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(identityService
                        .createUserQuery()
                        .memberOfGroup("camunda-admin")
                        .list())
                .extracting(u -> u.getId())
                .containsExactly("salesflow-system");
    }

    @Test
    void camundaAdminIsForThePlatformAdminOnly() {
        assertThat(api.as("acme", "ops@acme.test", "GET", "/camunda/app/admin/default/")
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.as("acme", "admin@acme.test", "GET", "/camunda/app/admin/default/")
                        .send()
                        .status())
                .isEqualTo(403);
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
    void anOperatorSeesOnlyTheirOwnTenantsDefinitionsThroughTheEngineApi() {
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
        JsonNode definitions = api.as(
                        "acme",
                        "ops@acme.test",
                        "GET",
                        "/engine-rest/process-definition?key=tenant_probe&maxResults=50")
                .send()
                .expect(200)
                .json();
        assertThat(definitions)
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.get("tenantId").asText()).isEqualTo("acme"));
    }
}
