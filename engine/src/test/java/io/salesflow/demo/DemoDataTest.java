package io.salesflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import io.salesflow.tenancy.Tenants;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class DemoDataTest {

    @Autowired
    Api api;

    @Autowired
    DemoData demoData;

    @Autowired
    Tenants tenants;

    @Test
    void everyDemoUserSignsInWithTheDemoPasswordAndHasTheirRole() {
        for (DemoData.DemoUser user : DemoData.ACME) {
            JsonNode me = api.as("acme", user.email(), "GET", "/api/v1/me")
                    .send()
                    .expect(200)
                    .json();
            assertThat(me.get("roles")).extracting(JsonNode::asText).containsExactlyElementsOf(user.roles());
        }
        for (DemoData.DemoUser user : DemoData.GLOBEX) {
            api.as("globex", user.email(), "GET", "/api/v1/me").send().expect(200);
        }
    }

    @Test
    void teamEastIsManagedByTheManagerWithBothReps() {
        JsonNode manager =
                api.as("acme", "manager@acme.test", "GET", "/api/v1/me").send().json();
        assertThat(manager.get("teams").get(0).get("name").asText()).isEqualTo("East");
        JsonNode rep2 =
                api.as("acme", "rep2@acme.test", "GET", "/api/v1/me").send().json();
        assertThat(rep2.get("teams").get(0).get("name").asText()).isEqualTo("East");
    }

    @Test
    void loadingTheDemoDataAgainChangesNothing() {
        int acmeUsers = userCount("acme");
        int globexUsers = userCount("globex");
        int teams = api.as("acme", "admin@acme.test", "GET", "/api/v1/teams")
                .send()
                .json()
                .size();
        int roles = api.as("acme", "admin@acme.test", "GET", "/api/v1/roles")
                .send()
                .json()
                .size();

        demoData.load("Salesflow-demo-1");

        assertThat(userCount("acme")).isEqualTo(acmeUsers);
        assertThat(userCount("globex")).isEqualTo(globexUsers);
        assertThat(api.as("acme", "admin@acme.test", "GET", "/api/v1/teams")
                        .send()
                        .json()
                        .size())
                .isEqualTo(teams);
        assertThat(api.as("acme", "admin@acme.test", "GET", "/api/v1/roles")
                        .send()
                        .json()
                        .size())
                .isEqualTo(roles);
        assertThat(tenants.all()).extracting(t -> t.getSlug()).containsAll(List.of("acme", "globex"));
    }

    private int userCount(String tenant) {
        return api.as(tenant, "admin@" + tenant + ".test", "GET", "/api/v1/users?limit=200")
                .send()
                .json()
                .get("items")
                .size();
    }
}
