package io.salesflow.savedview;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class SavedViewApiTest {

    private static final String PATH = "/api/v1/saved-views";

    @Autowired
    Api api;

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> state() {
        return Map.of(
                "filters",
                List.of(
                        Map.of("field", "status", "op", "in", "value", "new,working"),
                        Map.of("field", "ownerId", "op", "eq", "value", "me")),
                "sort",
                List.of(Map.of("field", "score", "direction", "desc"), Map.of("field", "lastName", "direction", "asc")),
                "columns",
                List.of("lastName", "company", "owner"),
                "pageSize",
                50);
    }

    private Api.Response create(String email, String name, String visibility) {
        return api.as("acme", email, "POST", PATH)
                .json(Map.of("recordType", "lead", "name", name, "state", state(), "visibility", visibility))
                .send();
    }

    private List<String> names(String tenant, String email, String recordType) {
        return api.as(tenant, email, "GET", PATH + "?recordType=" + recordType)
                .send()
                .expect(200)
                .json()
                .get("items")
                .findValuesAsText("name");
    }

    @Test
    void aRepSavesChangesAndDeletesAViewWithETags() {
        String name = unique("Hot and mine");
        Api.Response created = create("rep@acme.test", name, "private").expect(201);
        JsonNode view = created.json();
        String id = view.get("id").asText();
        assertThat(created.header("Location").orElseThrow()).endsWith(PATH + "/" + id);
        assertThat(created.header("ETag")).contains("\"0\"");
        assertThat(view.get("mine").asBoolean()).isTrue();
        assertThat(view.get("editable").asBoolean()).isTrue();
        assertThat(view.get("ownerName").asText()).isEqualTo("Rita Rep");
        assertThat(view.at("/state/sort/0/field").asText()).isEqualTo("score");
        assertThat(view.at("/state/sort/0/direction").asText()).isEqualTo("desc");
        assertThat(view.at("/state/filters/1/value").asText()).isEqualTo("me");
        assertThat(view.at("/state/pageSize").asInt()).isEqualTo(50);
        assertThat(names("acme", "rep@acme.test", "lead")).contains(name);
        assertThat(names("acme", "rep@acme.test", "deal")).doesNotContain(name);

        JsonNode changed = api.as("acme", "rep@acme.test", "PATCH", PATH + "/" + id)
                .header("If-Match", "\"0\"")
                .json(Map.of("name", name + " (renamed)", "visibility", "team"))
                .send()
                .expect(200)
                .json();
        assertThat(changed.get("version").asLong()).isEqualTo(1);
        assertThat(changed.get("visibility").asText()).isEqualTo("team");
        assertThat(changed.at("/state/columns/2").asText()).isEqualTo("owner");
        Api.Response stale = api.as("acme", "rep@acme.test", "PATCH", PATH + "/" + id)
                .header("If-Match", "\"0\"")
                .json(Map.of("name", "Stale"))
                .send()
                .expect(412);
        assertThat(stale.json().get("currentETag").asText()).isEqualTo("\"1\"");
        api.as("acme", "rep@acme.test", "DELETE", PATH + "/" + id)
                .header("If-Match", "\"0\"")
                .send()
                .expect(412);

        api.as("acme", "rep@acme.test", "DELETE", PATH + "/" + id)
                .header("If-Match", "\"1\"")
                .send()
                .expect(204);
        api.as("acme", "rep@acme.test", "GET", PATH + "/" + id).send().expect(404);
    }

    @Test
    void aStateThatDoesNotFitTheRecordTypeIsRefusedWithEveryFieldNamedAndNothingIsSaved() {
        String name = unique("Broken");
        List<String> tooMany = new ArrayList<>();
        IntStream.range(0, 31).forEach(i -> tooMany.add("lastName"));
        Api.Response refused = api.as("acme", "rep@acme.test", "POST", PATH)
                .json(Map.of(
                        "recordType",
                        "lead",
                        "name",
                        name,
                        "state",
                        Map.of(
                                "filters",
                                List.of(
                                        Map.of("field", "colour", "op", "eq", "value", "red"),
                                        Map.of("field", "score", "op", "contains", "value", "9")),
                                "sort",
                                List.of(Map.of("field", "lastName", "direction", "sideways")),
                                "columns",
                                tooMany,
                                "pageSize",
                                5000)))
                .send()
                .expect(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asText()).endsWith("view-state-invalid");
        assertThat(refused.json().get("errors").findValuesAsText("field"))
                .containsExactly(
                        "state.filters[0].field",
                        "state.filters[1].op",
                        "state.sort[0].direction",
                        "state.columns",
                        "state.pageSize");

        Api.Response unknownColumn = api.as("acme", "rep@acme.test", "POST", PATH)
                .json(Map.of(
                        "recordType",
                        "deal",
                        "name",
                        name,
                        "state",
                        Map.of("columns", List.of("name", "company"), "sort", List.of(Map.of("field", "tags")))))
                .send()
                .expect(422);
        assertThat(unknownColumn.json().get("errors").findValuesAsText("field"))
                .containsExactly("state.sort[0].field", "state.sort[0].direction", "state.columns[1]");

        assertField(
                api.as("acme", "rep@acme.test", "POST", PATH)
                        .json(Map.of("recordType", "lead", "name", name, "state", state(), "visibility", "everyone"))
                        .send(),
                "visibility");
        assertField(
                api.as("acme", "rep@acme.test", "POST", PATH)
                        .json(Map.of("recordType", "planet", "name", name, "state", state()))
                        .send(),
                "recordType");
        assertField(
                api.as("acme", "rep@acme.test", "POST", PATH)
                        .json(Map.of("recordType", "lead", "name", " ", "state", state()))
                        .send(),
                "name");
        assertField(
                api.as("acme", "rep@acme.test", "POST", PATH)
                        .json(Map.of("recordType", "lead", "name", name, "state", state(), "colour", "red"))
                        .send(),
                "colour");
        assertField(
                api.as("acme", "rep@acme.test", "GET", PATH + "?recordType=lead&limit=0")
                        .send(),
                "limit");
        assertField(
                api.as("acme", "rep@acme.test", "GET", PATH + "?recordType=lead&cursor=bm9wZQ")
                        .send(),
                "cursor");
        assertThat(names("acme", "rep@acme.test", "lead")).doesNotContain(name);
        assertThat(names("acme", "rep@acme.test", "deal")).doesNotContain(name);
    }

    @Test
    void aNameIsTakenOncePerOwnerAndRecordTypeWhateverItsCase() {
        String name = unique("Twice");
        create("rep@acme.test", name, "private").expect(201);
        Api.Response again =
                create("rep@acme.test", name.toUpperCase(), "private").expect(409);
        assertThat(again.json().get("field").asText()).isEqualTo("name");
        create("rep2@acme.test", name, "private").expect(201);
    }

    @Test
    void aTeamViewIsSharedWithTheTeamOnlyAndOnlyItsOwnerOrAnAdminChangesIt() {
        String name = unique("East pipeline");
        String id = create("rep@acme.test", name, "team")
                .expect(201)
                .json()
                .get("id")
                .asText();
        String secret = unique("Just mine");
        String privateId = create("rep@acme.test", secret, "private")
                .expect(201)
                .json()
                .get("id")
                .asText();

        assertThat(names("acme", "rep2@acme.test", "lead")).contains(name).doesNotContain(secret);
        assertThat(names("acme", "manager@acme.test", "lead")).contains(name);
        assertThat(names("acme", "marketing@acme.test", "lead")).doesNotContain(name, secret);
        api.as("acme", "rep2@acme.test", "GET", PATH + "/" + privateId).send().expect(404);
        JsonNode seen = api.as("acme", "rep2@acme.test", "GET", PATH + "/" + id)
                .send()
                .expect(200)
                .json();
        assertThat(seen.get("mine").asBoolean()).isFalse();
        assertThat(seen.get("editable").asBoolean()).isFalse();

        api.as("acme", "rep2@acme.test", "PATCH", PATH + "/" + id)
                .json(Map.of("name", "Hijacked"))
                .send()
                .expect(403);
        api.as("acme", "rep2@acme.test", "DELETE", PATH + "/" + id).send().expect(403);

        JsonNode opened = api.as("acme", "rep2@acme.test", "PUT", PATH + "/" + id + "/default")
                .send()
                .expect(200)
                .json();
        assertThat(opened.get("defaultView").asBoolean()).isTrue();
        JsonNode forOwner = api.as("acme", "rep@acme.test", "GET", PATH + "/" + id)
                .send()
                .expect(200)
                .json();
        assertThat(forOwner.get("defaultView").asBoolean()).isFalse();

        api.as("acme", "rep@acme.test", "PATCH", PATH + "/" + id)
                .json(Map.of("visibility", "private"))
                .send()
                .expect(200);
        assertThat(names("acme", "rep2@acme.test", "lead")).doesNotContain(name);
        api.as("acme", "rep@acme.test", "PATCH", PATH + "/" + id)
                .json(Map.of("visibility", "workspace"))
                .send()
                .expect(200);
        JsonNode again = api.as("acme", "rep2@acme.test", "GET", PATH + "/" + id)
                .send()
                .expect(200)
                .json();
        assertThat(again.get("defaultView").asBoolean())
                .as("a view no longer shared is no one else's default")
                .isFalse();
        assertThat(names("acme", "marketing@acme.test", "lead")).contains(name);

        JsonNode byAdmin = api.as("acme", "admin@acme.test", "PATCH", PATH + "/" + privateId)
                .json(Map.of("name", secret + " (tidied)"))
                .send()
                .expect(200)
                .json();
        assertThat(byAdmin.get("ownerName").asText()).isEqualTo("Rita Rep");
        assertThat(byAdmin.get("editable").asBoolean()).isTrue();
        api.as("acme", "admin@acme.test", "DELETE", PATH + "/" + privateId)
                .send()
                .expect(204);
    }

    @Test
    void aUserOpensTheirListWithOneViewAtATime() {
        String first = create("rep2@acme.test", unique("First"), "private")
                .expect(201)
                .json()
                .get("id")
                .asText();
        String second = create("rep2@acme.test", unique("Second"), "private")
                .expect(201)
                .json()
                .get("id")
                .asText();
        api.as("acme", "rep2@acme.test", "PUT", PATH + "/" + first + "/default")
                .send()
                .expect(200);
        api.as("acme", "rep2@acme.test", "PATCH", PATH + "/" + second)
                .json(Map.of("defaultView", true))
                .send()
                .expect(200);
        JsonNode items = api.as("acme", "rep2@acme.test", "GET", PATH + "?recordType=lead&limit=200")
                .send()
                .expect(200)
                .json()
                .get("items");
        List<String> defaults = new ArrayList<>();
        items.forEach(v -> {
            if (v.get("defaultView").asBoolean()) {
                defaults.add(v.get("id").asText());
            }
        });
        assertThat(defaults).containsExactly(second);
        JsonNode cleared = api.as("acme", "rep2@acme.test", "DELETE", PATH + "/" + second + "/default")
                .send()
                .expect(200)
                .json();
        assertThat(cleared.get("defaultView").asBoolean()).isFalse();
    }

    @Test
    void pagesFollowTheNameAndEndWithNoCursor() {
        String prefix = "Paged " + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            create("marketing@acme.test", prefix + " " + i, "private").expect(201);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.as(
                            "acme",
                            "marketing@acme.test",
                            "GET",
                            PATH + "?recordType=lead&limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .send()
                    .expect(200)
                    .json();
            page.get("items").forEach(v -> seen.add(v.get("name").asText()));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
        } while (cursor != null);
        assertThat(seen.stream().filter(n -> n.startsWith(prefix)).toList())
                .containsExactly(prefix + " 0", prefix + " 1", prefix + " 2");
        assertThat(seen).doesNotHaveDuplicates();
    }

    @Test
    void anotherWorkspaceNeverSeesAView() {
        String name = unique("Everyone at acme");
        String id = create("rep@acme.test", name, "workspace")
                .expect(201)
                .json()
                .get("id")
                .asText();
        assertThat(names("globex", "rep@globex.test", "lead")).doesNotContain(name);
        api.as("globex", "admin@globex.test", "GET", PATH + "/" + id).send().expect(404);
        api.as("globex", "admin@globex.test", "PATCH", PATH + "/" + id)
                .json(Map.of("name", "Taken over"))
                .send()
                .expect(404);
        api.as("globex", "admin@globex.test", "DELETE", PATH + "/" + id).send().expect(404);
        api.as("globex", "admin@globex.test", "PUT", PATH + "/" + id + "/default")
                .send()
                .expect(404);
    }

    @Test
    void aRoleThatCannotReadTheRecordTypeKeepsNoViewsOfIt() {
        api.as("acme", "finance@acme.test", "GET", PATH + "?recordType=lead")
                .send()
                .expect(403);
        api.as("acme", "finance@acme.test", "POST", PATH)
                .json(Map.of("recordType", "lead", "name", unique("Not mine to see"), "state", state()))
                .send()
                .expect(403);
    }
}
