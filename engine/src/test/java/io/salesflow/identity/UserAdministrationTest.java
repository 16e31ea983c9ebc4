package io.salesflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class UserAdministrationTest {

    @Autowired
    Api api;

    @Test
    void anAdminCreatesAUserWhoCanThenSignIn() {
        String email = "new-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
        Api.Response created = api.as("acme", "admin@acme.test", "POST", "/api/v1/users")
                .json(Map.of(
                        "email",
                        email.toUpperCase(),
                        "displayName",
                        "New Rep",
                        "password",
                        "A-long-passphrase-9",
                        "roles",
                        List.of("sales_rep")))
                .send()
                .expect(201);
        assertThat(created.header("Location").orElseThrow())
                .endsWith(created.json().get("id").asText());
        assertThat(created.header("ETag")).contains("\"0\"");
        assertThat(created.json().get("email").asText()).isEqualTo(email);
        assertThat(created.json().has("passwordHash")).isFalse();
        api.login("acme", email, "A-long-passphrase-9").expect(200);
    }

    @Test
    void aDuplicateEmailIsAConflictNamingTheField() {
        Api.Response r = api.as("acme", "admin@acme.test", "POST", "/api/v1/users")
                .json(Map.of(
                        "email",
                        "rep@acme.test",
                        "displayName",
                        "Again",
                        "password",
                        "A-long-passphrase-9",
                        "roles",
                        List.of("sales_rep")))
                .send()
                .expect(409);
        assertThat(r.json().get("field").asText()).isEqualTo("email");
    }

    @Test
    void aWeakPasswordOrUnknownRoleIsAFieldError() {
        Api.Response weak = api.as("acme", "admin@acme.test", "POST", "/api/v1/users")
                .json(Map.of(
                        "email",
                        "weak@acme.test",
                        "displayName",
                        "Weak",
                        "password",
                        "short",
                        "roles",
                        List.of("sales_rep")))
                .send()
                .expect(400);
        assertThat(weak.json().get("errors").get(0).get("field").asText()).isEqualTo("password");
        Api.Response role = api.as("acme", "admin@acme.test", "POST", "/api/v1/users")
                .json(Map.of(
                        "email",
                        "role@acme.test",
                        "displayName",
                        "Role",
                        "password",
                        "A-long-passphrase-9",
                        "roles",
                        List.of("wizard")))
                .send()
                .expect(400);
        assertThat(role.json().get("errors").get(0).get("field").asText()).isEqualTo("roles");
    }

    @Test
    void aSalesRepMayNotManageUsersAndAnAuditorMayOnlyRead() {
        Map<String, Object> body = Map.of(
                "email",
                "x@acme.test",
                "displayName",
                "X",
                "password",
                "A-long-passphrase-9",
                "roles",
                List.of("sales_rep"));
        api.as("acme", "rep@acme.test", "POST", "/api/v1/users")
                .json(body)
                .send()
                .expect(403);
        api.as("acme", "rep@acme.test", "GET", "/api/v1/users").send().expect(403);
        api.as("acme", "auditor@acme.test", "GET", "/api/v1/users").send().expect(200);
        api.as("acme", "auditor@acme.test", "POST", "/api/v1/users")
                .json(body)
                .send()
                .expect(403);
    }

    @Test
    void aStaleIfMatchIs412AndTheCurrentOneWins() {
        JsonNode rep2 = findUser("rep2@acme.test");
        String id = rep2.get("id").asText();
        Api.Response read = api.as("acme", "admin@acme.test", "GET", "/api/v1/users/" + id)
                .send()
                .expect(200);
        String etag = read.header("ETag").orElseThrow();

        Api.Response first = api.as("acme", "admin@acme.test", "PATCH", "/api/v1/users/" + id)
                .header("If-Match", etag)
                .json(Map.of("displayName", "Ron Rep (East)"))
                .send()
                .expect(200);
        assertThat(first.header("ETag").orElseThrow()).isNotEqualTo(etag);

        Api.Response stale = api.as("acme", "admin@acme.test", "PATCH", "/api/v1/users/" + id)
                .header("If-Match", etag)
                .json(Map.of("displayName", "Lost update"))
                .send()
                .expect(412);
        assertThat(stale.json().get("type").asText()).isEqualTo("/problems/precondition-failed");
        assertThat(api.as("acme", "admin@acme.test", "GET", "/api/v1/users/" + id)
                        .send()
                        .json()
                        .get("displayName")
                        .asText())
                .isEqualTo("Ron Rep (East)");
        api.as("acme", "admin@acme.test", "PATCH", "/api/v1/users/" + id)
                .header("If-Match", first.header("ETag").orElseThrow())
                .json(Map.of("displayName", "Ron Rep"))
                .send()
                .expect(200);
    }

    @Test
    void aDeactivatedUserCannotSignInOrUseATokenAndComesBackWhenActivated() {
        String email = "leaver-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
        String id = api.as("acme", "admin@acme.test", "POST", "/api/v1/users")
                .json(Map.of(
                        "email",
                        email,
                        "displayName",
                        "Leaver",
                        "password",
                        "A-long-passphrase-9",
                        "roles",
                        List.of("sales_rep")))
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
        api.as("acme", "admin@acme.test", "PATCH", "/api/v1/users/" + id)
                .json(Map.of("status", "DEACTIVATED"))
                .send()
                .expect(200);
        api.get("/api/v1/me").bearer(token).send().expect(401);
        api.login("acme", email, "A-long-passphrase-9").expect(401);
        api.as("acme", "admin@acme.test", "PATCH", "/api/v1/users/" + id)
                .json(Map.of("status", "ACTIVE"))
                .send()
                .expect(200);
        api.login("acme", email, "A-long-passphrase-9").expect(200);
    }

    @Test
    void usersAreListedAPageAtATimeWithACursor() {
        List<String> emails = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String path = "/api/v1/users?limit=4" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = api.as("acme", "admin@acme.test", "GET", path)
                    .send()
                    .expect(200)
                    .json();
            page.get("items").forEach(u -> emails.add(u.get("email").asText()));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 20);
        assertThat(pages).isGreaterThan(2);
        assertThat(emails).isSorted().doesNotHaveDuplicates().contains("admin@acme.test", "rep@acme.test");
        assertThat(emails).noneMatch(e -> e.endsWith("@globex.test"));
        api.as("acme", "admin@acme.test", "GET", "/api/v1/users?limit=0").send().expect(400);
        api.as("acme", "admin@acme.test", "GET", "/api/v1/users?cursor=%25%25%25")
                .send()
                .expect(400);
    }

    @Test
    void anotherTenantsUserIsNotFound() {
        String globexRep = api.as("globex", "admin@globex.test", "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();
        api.as("acme", "admin@acme.test", "GET", "/api/v1/users/" + globexRep)
                .send()
                .expect(404);
        api.as("acme", "admin@acme.test", "PATCH", "/api/v1/users/" + globexRep)
                .json(Map.of("displayName", "Hijacked"))
                .send()
                .expect(404);
    }

    @Test
    void customRolesAreCreatedChangedAndDeletedAndTheirPermissionsApply() {
        Api.Response created = api.as("acme", "admin@acme.test", "POST", "/api/v1/roles")
                .json(Map.of(
                        "code",
                        "sdr",
                        "name",
                        "Sales development rep",
                        "permissions",
                        List.of(
                                Map.of("permission", "leads:read", "scope", "ALL"),
                                Map.of("permission", "leads:write", "scope", "OWN"))))
                .send()
                .expect(201);
        String id = created.json().get("id").asText();
        assertThat(created.json().get("system").asBoolean()).isFalse();

        Api.Response badScope = api.as("acme", "admin@acme.test", "PUT", "/api/v1/roles/" + id)
                .json(Map.of(
                        "code",
                        "sdr",
                        "name",
                        "SDR",
                        "permissions",
                        List.of(Map.of("permission", "users:manage", "scope", "OWN"))))
                .send()
                .expect(400);
        assertThat(badScope.json().get("errors").get(0).get("field").asText()).isEqualTo("permissions[0].scope");

        api.as("acme", "admin@acme.test", "PUT", "/api/v1/roles/" + id)
                .header("If-Match", created.header("ETag").orElseThrow())
                .json(Map.of(
                        "code",
                        "sdr",
                        "name",
                        "SDR",
                        "permissions",
                        List.of(Map.of("permission", "leads:read", "scope", "TEAM"))))
                .send()
                .expect(200);
        api.as("acme", "admin@acme.test", "DELETE", "/api/v1/roles/" + id)
                .send()
                .expect(204);
        api.as("acme", "admin@acme.test", "GET", "/api/v1/roles/" + id).send().expect(404);
    }

    @Test
    void systemRolesCarryTheShippedMatrixAndCannotBeDeleted() {
        JsonNode roles = api.as("acme", "auditor@acme.test", "GET", "/api/v1/roles")
                .send()
                .expect(200)
                .json();
        assertThat(roles.findValuesAsText("code"))
                .contains(
                        "super_admin",
                        "org_admin",
                        "manager",
                        "sales_rep",
                        "marketing",
                        "support_agent",
                        "finance",
                        "auditor",
                        "process_operator");
        JsonNode auditor = byCode(roles, "auditor");
        assertThat(auditor.get("permissions").findValuesAsText("permission"))
                .allMatch(p -> p.endsWith(":read"))
                .contains("audit:read", "leads:read");
        api.as(
                        "acme",
                        "admin@acme.test",
                        "DELETE",
                        "/api/v1/roles/" + auditor.get("id").asText())
                .send()
                .expect(409);
        JsonNode catalogue = api.as("acme", "admin@acme.test", "GET", "/api/v1/permissions")
                .send()
                .expect(200)
                .json();
        assertThat(catalogue.findValuesAsText("code")).contains("leads:write", "process:operate");
    }

    @Test
    void teamsHaveAManagerAndMembersOfTheSameTenant() {
        JsonNode teams = api.as("acme", "manager@acme.test", "GET", "/api/v1/teams")
                .send()
                .expect(200)
                .json();
        JsonNode east = null;
        for (JsonNode team : teams) {
            east = team.get("name").asText().equals("East") ? team : east;
        }
        assertThat(east).as("team East").isNotNull();
        assertThat(east.get("managerId").asText())
                .isEqualTo(findUser("manager@acme.test").get("id").asText());
        assertThat(east.get("memberIds")).hasSize(2);

        String globexUser = api.as("globex", "rep@globex.test", "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();
        Api.Response foreign = api.as("acme", "admin@acme.test", "POST", "/api/v1/teams")
                .json(Map.of("name", "Mixed", "memberIds", List.of(globexUser)))
                .send()
                .expect(400);
        assertThat(foreign.json().get("errors").get(0).get("field").asText()).isEqualTo("memberIds[0]");
        api.as("acme", "manager@acme.test", "POST", "/api/v1/teams")
                .json(Map.of("name", "Manager's own", "memberIds", List.of()))
                .send()
                .expect(403);
    }

    private JsonNode findUser(String email) {
        for (JsonNode u : api.as("acme", "admin@acme.test", "GET", "/api/v1/users?limit=200")
                .send()
                .json()
                .get("items")) {
            if (u.get("email").asText().equals(email)) {
                return u;
            }
        }
        throw new AssertionError("No user " + email);
    }

    private static JsonNode byCode(JsonNode roles, String code) {
        for (JsonNode r : roles) {
            if (r.get("code").asText().equals(code)) {
                return r;
            }
        }
        throw new AssertionError("No role " + code);
    }
}
