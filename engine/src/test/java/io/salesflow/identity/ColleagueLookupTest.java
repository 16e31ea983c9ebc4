package io.salesflow.identity;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Picking a colleague: anyone signed in finds the active users of their workspace by the start of a name. */
@IntegrationTest
class ColleagueLookupTest {

    private static final String PATH = "/api/v1/colleagues";

    @Autowired
    Api api;

    private JsonNode find(String tenant, String email, String query) {
        return api.as(tenant, email, "GET", PATH + query).send().expect(200).json();
    }

    @Test
    void aRepFindsColleaguesByTheStartOfTheirNameWithTeamsButNoEmailsOrRoles() {
        JsonNode found = find("acme", "rep@acme.test", "?q=rO");
        assertThat(found.findValuesAsText("displayName")).contains("Ron Rep").allMatch(n -> n.toLowerCase()
                .startsWith("ro"));
        JsonNode ron = found.get(0);
        assertThat(ron.get("teams").get(0).asText()).isEqualTo("East");
        assertThat(ron.get("email").isNull()).isTrue();
        assertThat(ron.get("roles").isNull()).isTrue();

        JsonNode forAdmin = find("acme", "admin@acme.test", "?q=ron");
        assertThat(forAdmin.get(0).get("email").asText()).isEqualTo("rep2@acme.test");
        assertThat(forAdmin.get(0).get("roles").get(0).asText()).isEqualTo("sales_rep");

        JsonNode everyone = find("acme", "rep@acme.test", "?limit=3");
        assertThat(everyone).hasSize(3);
        List<String> names = everyone.findValuesAsText("displayName");
        assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(find("acme", "rep@acme.test", "?q=%25")).isEmpty();
        assertThat(find("acme", "rep@acme.test", "?q=zzzz-nobody")).isEmpty();
    }

    @Test
    void aDeactivatedUserIsNoColleagueToPick() {
        String name = "Quentin " + UUID.randomUUID().toString().substring(0, 8);
        String id = api.as("acme", "admin@acme.test", "POST", "/api/v1/users")
                .json(Map.of(
                        "email",
                        "q-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test",
                        "displayName",
                        name,
                        "password",
                        "A-long-passphrase-9",
                        "roles",
                        List.of("sales_rep")))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        assertThat(find("acme", "rep@acme.test", "?q=" + name.replace(' ', '+')).findValuesAsText("id"))
                .containsExactly(id);
        api.as("acme", "admin@acme.test", "PATCH", "/api/v1/users/" + id)
                .json(Map.of("status", "DEACTIVATED"))
                .send()
                .expect(200);
        assertThat(find("acme", "rep@acme.test", "?q=" + name.replace(' ', '+')))
                .isEmpty();
    }

    @Test
    void anotherWorkspacesPeopleAreNeverFound() {
        assertThat(find("globex", "rep@globex.test", "?limit=50").findValuesAsText("displayName"))
                .doesNotContain("Rita Rep", "Ron Rep")
                .contains("Gia Rep");
        assertThat(find("acme", "rep@acme.test", "?q=gia")).isEmpty();
    }

    @Test
    void aQueryTooLongOrALimitOutOfRangeIsRefusedByName() {
        assertField(
                api.as("acme", "rep@acme.test", "GET", PATH + "?q=" + "a".repeat(101))
                        .send(),
                "q");
        assertField(api.as("acme", "rep@acme.test", "GET", PATH + "?limit=51").send(), "limit");
        assertField(api.as("acme", "rep@acme.test", "GET", PATH + "?limit=0").send(), "limit");
        api.get(PATH).send().expect(401);
    }
}
