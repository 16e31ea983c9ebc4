package io.salesflow.deal;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class DealContactsTest {

    @Autowired
    Api api;

    @Test
    void aRepNamesTheDealsContactsWithTheirRolesAndAPrimary() {
        String deal = deal("rep@acme.test");
        String ceo = contact("rep@acme.test", "Cora", "Chief");
        String user = contact("rep@acme.test", "Uli", "User");
        String etag = api.as("acme", "rep@acme.test", "GET", "/api/v1/deals/" + deal)
                .send()
                .header("ETag")
                .orElseThrow();

        JsonNode saved = api.as("acme", "rep@acme.test", "PUT", "/api/v1/deals/" + deal + "/contacts")
                .header("If-Match", etag)
                .json(List.of(
                        Map.of("contactId", user, "role", "end_user"),
                        Map.of("contactId", ceo, "role", "decision_maker", "primary", true)))
                .send()
                .expect(200)
                .json();
        assertThat(saved.get(0).get("contactId").asText()).as("primary first").isEqualTo(ceo);
        assertThat(saved.get(0).get("role").asText()).isEqualTo("decision_maker");
        assertThat(saved.get(1).get("lastName").asText()).isEqualTo("User");

        api.as("acme", "rep@acme.test", "PUT", "/api/v1/deals/" + deal + "/contacts")
                .header("If-Match", etag)
                .json(List.of())
                .send()
                .expect(412);
        JsonNode history = api.as("acme", "rep@acme.test", "GET", "/api/v1/deals/" + deal + "/history")
                .send()
                .json()
                .get("items");
        assertThat(history.findValuesAsText("field")).contains("contacts");
        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/deals/" + deal + "/contacts")
                        .send()
                        .json())
                .hasSize(2);
    }

    @Test
    void badContactListsNameTheEntryAndChangeNothing() {
        String deal = deal("rep@acme.test");
        String someone = contact("rep@acme.test", "Sam", "Someone");
        String marketingContact = contact("admin@acme.test", "Far", "Away");
        assertField(
                put(deal, List.of(Map.of("contactId", "00000000-0000-0000-0000-000000000000", "role", "champion"))),
                "[0].contactId");
        assertField(put(deal, List.of(Map.of("contactId", someone, "role", "bystander"))), "[0].role");
        assertField(put(deal, List.of(Map.of("contactId", someone))), "[0].role");
        assertField(
                put(
                        deal,
                        List.of(
                                Map.of("contactId", someone, "role", "champion"),
                                Map.of("contactId", someone, "role", "blocker"))),
                "[1].contactId");
        assertField(put(deal, List.of(Map.of("contactId", someone, "role", "champion", "vip", true))), "[0].vip");
        assertField(put(deal, List.of(Map.of("contactId", marketingContact, "role", "champion"))), "[0].contactId");
        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/deals/" + deal + "/contacts")
                        .send()
                        .json())
                .isEmpty();
    }

    @Test
    void onlyThoseWhoMayChangeTheDealChangeItsContactsAndOtherTenantsSeeNothing() {
        String deal = deal("rep2@acme.test");
        String someone = contact("rep@acme.test", "Tea", "Mate");
        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/deals/" + deal + "/contacts")
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(put(deal, List.of(Map.of("contactId", someone, "role", "champion")))
                        .status())
                .isEqualTo(403);
        assertThat(api.as("globex", "admin@globex.test", "GET", "/api/v1/deals/" + deal + "/contacts")
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.as("globex", "admin@globex.test", "PUT", "/api/v1/deals/" + deal + "/contacts")
                        .json(List.of())
                        .send()
                        .status())
                .isEqualTo(404);
    }

    private Api.Response put(String deal, List<Map<String, Object>> body) {
        return api.as("acme", "rep@acme.test", "PUT", "/api/v1/deals/" + deal + "/contacts")
                .json(body)
                .send();
    }

    private String deal(String owner) {
        return api.as("acme", owner, "POST", "/api/v1/deals")
                .json(Map.of("name", "People deal", "amount", 1000, "currency", "USD"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private String contact(String owner, String first, String last) {
        return api.as("acme", owner, "POST", "/api/v1/contacts")
                .json(Map.of("firstName", first, "lastName", last))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }
}
