package io.salesflow.account;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.RecordEndpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class AccountApiTest {

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InTenant inTenant;

    @Test
    void aRepCreatesAnAccountThatTheyOwnWithNormalisedFields() {
        Api.Response created = create(
                        "rep@acme.test",
                        Map.of(
                                "name", "  Initech  ",
                                "domain", "https://www.Initech.com/",
                                "website", "initech.com",
                                "size", "51-200",
                                "industry", "Software",
                                "billingAddress", Map.of("street", "1 Main St", "city", "Austin", "country", "US"),
                                "tags", List.of("VIP", "partner", "vip")))
                .expect(201);
        JsonNode account = created.json();
        assertThat(account.get("name").asText()).isEqualTo("Initech");
        assertThat(account.get("domain").asText()).isEqualTo("initech.com");
        assertThat(account.get("website").asText()).isEqualTo("https://initech.com");
        assertThat(account.get("tags")).extracting(JsonNode::asText).containsExactly("partner", "vip");
        assertThat(account.get("billingAddress").get("country").asText()).isEqualTo("US");
        assertThat(account.get("ownerId").asText()).isEqualTo(userId("rep@acme.test"));
        assertThat(created.header("Location").orElseThrow())
                .endsWith(account.get("id").asText());
        assertThat(created.header("ETag")).contains("\"0\"");
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        int before = count();
        assertField(create("rep@acme.test", Map.of("name", "X", "colour", "red")), "colour");
        assertField(create("rep@acme.test", Map.of("name", "X", "domain", "not a domain")), "domain");
        assertField(create("rep@acme.test", Map.of("name", "X", "size", "huge")), "size");
        assertField(create("rep@acme.test", Map.of("name", " ")), "name");
        assertField(create("rep@acme.test", Map.of("domain", "x.com")), "name");
        assertField(
                create("rep@acme.test", Map.of("name", "X", "billingAddress", Map.of("country", "XX"))),
                "billingAddress.country");
        assertField(
                create(
                        "rep@acme.test",
                        Map.of("name", "X", "parentId", UUID.randomUUID().toString())),
                "parentId");
        assertField(create("rep@acme.test", Map.of("name", "X", "ownerId", "nobody")), "ownerId");
        assertField(create("rep@acme.test", Map.of("name", "X", "tags", List.of(""))), "tags[0]");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void anAccountCannotBecomeItsOwnAncestor() {
        String group = id(create("admin@acme.test", Map.of("name", "Group")));
        String sub = id(create("admin@acme.test", Map.of("name", "Subsidiary", "parentId", group)));
        String subSub = id(create("admin@acme.test", Map.of("name", "Sub-subsidiary", "parentId", sub)));

        assertField(patch("admin@acme.test", group, Map.of("parentId", subSub), null), "parentId");
        assertField(patch("admin@acme.test", group, Map.of("parentId", group), null), "parentId");
        JsonNode embedded = api.as("acme", "admin@acme.test", "GET", "/api/v1/accounts/" + subSub + "?embed=parent")
                .send()
                .expect(200)
                .json();
        assertThat(embedded.get("parent").get("name").asText()).isEqualTo("Subsidiary");
    }

    @Test
    void listsFilterSortPageSelectFieldsAndEmbed() {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 7; i++) {
            Map<String, Object> body = new HashMap<>(Map.of("name", "Paged " + (char) ('A' + i), "tags", List.of(tag)));
            if (i % 2 == 0) {
                body.put("size", "11-50");
            }
            create("admin@acme.test", body).expect(201);
        }
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.as(
                            "acme",
                            "admin@acme.test",
                            "GET",
                            "/api/v1/accounts?tags[has]=" + tag
                                    + "&sort=size,-name&limit=3&fields=name,size&embed=owner"
                                    + (cursor == null ? "" : "&cursor=" + cursor))
                    .send()
                    .expect(200)
                    .json();
            for (JsonNode a : page.get("items")) {
                names.add(a.get("name").asText());
                assertThat(a.has("domain")).as("only the fields asked for").isFalse();
                assertThat(a.get("owner").get("email").asText()).isEqualTo("admin@acme.test");
            }
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(names).containsExactly("Paged G", "Paged E", "Paged C", "Paged A", "Paged F", "Paged D", "Paged B");

        JsonNode contains = list("admin@acme.test", "?name[contains]=paged%20c&tags[has]=" + tag);
        assertThat(contains.get("items")).hasSize(1);
        JsonNode noSize = list("admin@acme.test", "?size[isNull]=true&tags[has]=" + tag);
        assertThat(noSize.get("items")).hasSize(3);
        JsonNode in = list("admin@acme.test", "?name[in]=Paged%20A,Paged%20B&tags[has]=" + tag);
        assertThat(in.get("items")).hasSize(2);
    }

    @Test
    void badListQueriesAreFieldErrors() {
        assertField(
                api.as("acme", "rep@acme.test", "GET", "/api/v1/accounts?colour=red")
                        .send(),
                "colour");
        assertField(
                api.as("acme", "rep@acme.test", "GET", "/api/v1/accounts?name[near]=x")
                        .send(),
                "name[near]");
        assertField(
                api.as("acme", "rep@acme.test", "GET", "/api/v1/accounts?createdAt[gte]=yesterday")
                        .send(),
                "createdAt[gte]");
        assertField(
                api.as("acme", "rep@acme.test", "GET", "/api/v1/accounts?sort=billingAddress")
                        .send(),
                "sort");
        assertField(
                api.as("acme", "rep@acme.test", "GET", "/api/v1/accounts?limit=1000")
                        .send(),
                "limit");
        assertField(
                api.as("acme", "rep@acme.test", "GET", "/api/v1/accounts?cursor=bm9wZQ")
                        .send(),
                "cursor");
        assertField(
                api.as("acme", "rep@acme.test", "GET", "/api/v1/accounts?embed=everything")
                        .send(),
                "embed");
    }

    @Test
    void twoUpdatesWithTheSameETagLetOnlyOneThrough() {
        Api.Response created = create("rep@acme.test", Map.of("name", "Race Inc"));
        String id = id(created);
        String etag = created.header("ETag").orElseThrow();
        Api.Response first = patch("rep@acme.test", id, Map.of("industry", "Retail"), etag);
        Api.Response second = patch("rep@acme.test", id, Map.of("industry", "Banking"), etag);
        assertThat(List.of(first.status(), second.status())).containsExactlyInAnyOrder(200, 412);
        assertThat(get("rep@acme.test", id).get("industry").asText()).isEqualTo("Retail");
    }

    @Test
    void everyChangeIsInTheFieldHistory() {
        String id = id(create("rep@acme.test", Map.of("name", "History Co", "industry", "Retail")));
        patch("rep@acme.test", id, Map.of("industry", "Banking", "territory", "North"), null)
                .expect(200);
        patch("rep@acme.test", id, Map.of("territory", (Object) "South"), null).expect(200);
        JsonNode history = api.as("acme", "rep@acme.test", "GET", "/api/v1/accounts/" + id + "/history")
                .send()
                .expect(200)
                .json()
                .get("items");
        assertThat(history.get(0).get("field").asText()).isEqualTo("territory");
        assertThat(history.get(0).get("before").asText()).isEqualTo("North");
        assertThat(history.get(0).get("after").asText()).isEqualTo("South");
        assertThat(history.get(0).get("actorId").asText()).isEqualTo(userId("rep@acme.test"));
        assertThat(history.findValuesAsText("field")).contains("industry", "name");
    }

    @Test
    void aDeletedAccountDisappearsAndComesBackWithinTheWindow() {
        String tag = "d" + UUID.randomUUID().toString().substring(0, 6);
        String id = id(create("rep@acme.test", Map.of("name", "Phoenix", "tags", List.of(tag))));
        api.as("acme", "rep@acme.test", "DELETE", "/api/v1/accounts/" + id)
                .send()
                .expect(204);
        api.as("acme", "rep@acme.test", "GET", "/api/v1/accounts/" + id).send().expect(404);
        assertThat(list("rep@acme.test", "?tags[has]=" + tag).get("items")).isEmpty();

        api.as("acme", "rep@acme.test", "POST", "/api/v1/accounts/" + id + "/restore")
                .send()
                .expect(200);
        assertThat(get("rep@acme.test", id).get("name").asText()).isEqualTo("Phoenix");
        assertThat(list("rep@acme.test", "?tags[has]=" + tag).get("items")).hasSize(1);
        api.as("acme", "rep@acme.test", "POST", "/api/v1/accounts/" + id + "/restore")
                .send()
                .expect(409);
    }

    @Test
    void afterTheRestoreWindowTheAccountIsGoneAndThenPurged(@Autowired io.salesflow.records.DeletedRecordPurge purge) {
        String id = id(create("rep@acme.test", Map.of("name", "Old Deleted")));
        api.as("acme", "rep@acme.test", "DELETE", "/api/v1/accounts/" + id)
                .send()
                .expect(204);
        inTenant.run(
                "acme",
                () -> jdbc.update(
                        "UPDATE accounts SET deleted_at = now() - interval '31 days' WHERE id = ?::uuid", id));
        Api.Response late = api.as("acme", "rep@acme.test", "POST", "/api/v1/accounts/" + id + "/restore")
                .send();
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.json().get("type").asText()).isEqualTo("/problems/restore-window-passed");

        purge.purge();
        Integer left = inTenant.call(
                "acme",
                () -> jdbc.queryForObject("SELECT count(*) FROM accounts WHERE id = ?::uuid", Integer.class, id));
        assertThat(left).isZero();
        api.as("acme", "rep@acme.test", "GET", "/api/v1/accounts/" + id + "/history")
                .send()
                .expect(404);
    }

    private Api.Response create(String email, Map<String, Object> body) {
        return endpoint().create(email, body);
    }

    private Api.Response patch(String email, String id, Map<String, Object> body, String etag) {
        return endpoint().patch(email, id, body, etag);
    }

    private JsonNode get(String email, String id) {
        return endpoint().get(email, id);
    }

    private JsonNode list(String email, String query) {
        return endpoint().list(email, query);
    }

    private static String id(Api.Response r) {
        return r.expect(201).json().get("id").asText();
    }

    private String userId(String email) {
        return api.as("acme", email, "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();
    }

    private int count() {
        return inTenant.call("acme", () -> jdbc.queryForObject("SELECT count(*) FROM accounts", Integer.class));
    }

    private RecordEndpoint endpoint() {
        return new RecordEndpoint(api, "/api/v1/accounts");
    }
}
