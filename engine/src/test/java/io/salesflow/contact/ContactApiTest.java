package io.salesflow.contact;

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
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@IntegrationTest
class ContactApiTest {

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InTenant inTenant;

    @Test
    void aRepCreatesAContactThatTheyOwnWithNormalisedFields() {
        Api.Response created = create(
                        "rep@acme.test",
                        Map.of(
                                "firstName", "  Ada ",
                                "lastName", "Lovelace",
                                "email", "Ada@Example.COM",
                                "emails", List.of("ada@work.example.org"),
                                "phone", "(650) 253-0000",
                                "phoneRegion", "us",
                                "social", Map.of("twitter", "@ada", "linkedin", "in/ada"),
                                "preferredLanguage", "de-ch",
                                "accountRole", "champion",
                                "source", "event"))
                .expect(201);
        JsonNode contact = created.json();
        assertThat(contact.get("firstName").asText()).isEqualTo("Ada");
        assertThat(contact.get("email").asText()).isEqualTo("ada@example.com");
        assertThat(contact.get("emails"))
                .extracting(JsonNode::asText)
                .containsExactly("ada@example.com", "ada@work.example.org");
        assertThat(contact.get("phone").asText()).isEqualTo("+16502530000");
        assertThat(contact.get("phones")).extracting(JsonNode::asText).containsExactly("+16502530000");
        assertThat(contact.get("social").get("x").asText()).isEqualTo("@ada");
        assertThat(contact.get("social").has("twitter")).isFalse();
        assertThat(contact.get("preferredLanguage").asText()).isEqualTo("de-CH");
        assertThat(contact.get("status").asText()).isEqualTo("active");
        assertThat(contact.get("emailOptIn").asBoolean()).isFalse();
        assertThat(contact.get("consentUpdatedAt").isNull()).isTrue();
        assertThat(contact.has("phoneRegion"))
                .as("the region only reads the numbers")
                .isFalse();
        assertThat(contact.get("ownerId").asText()).isEqualTo(userId("rep@acme.test"));
        assertThat(created.header("Location").orElseThrow())
                .endsWith(contact.get("id").asText());
        assertThat(created.header("ETag")).contains("\"0\"");
    }

    @Test
    void nationalNumbersBelongToTheCountryOfTheContactsAccount() {
        String account = accountIn("DE");
        JsonNode contact = create(
                        "rep@acme.test",
                        Map.of(
                                "lastName",
                                "Berliner",
                                "accountId",
                                account,
                                "phones",
                                List.of("030 901820", "+44 20 7946 0958")))
                .expect(201)
                .json();
        assertThat(contact.get("phones")).extracting(JsonNode::asText).containsExactly("+4930901820", "+442079460958");
        assertThat(contact.get("phone").asText()).isEqualTo("+4930901820");

        String id = contact.get("id").asText();
        JsonNode changed = patch("rep@acme.test", id, Map.of("phone", "0171 1234567"), null)
                .expect(200)
                .json();
        assertThat(changed.get("phone").asText()).isEqualTo("+491711234567");
        assertThat(changed.get("phones")).extracting(JsonNode::asText).first().isEqualTo("+491711234567");
        JsonNode embedded = api.as("acme", "rep@acme.test", "GET", "/api/v1/contacts/" + id + "?embed=account")
                .send()
                .expect(200)
                .json();
        assertThat(embedded.get("account").get("name").asText()).isEqualTo("Account in DE");
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        String otherTenantsAccount = api.as("globex", "admin@globex.test", "POST", "/api/v1/accounts")
                .json(Map.of("name", "Globex customer"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        int before = count();
        assertField(create(Map.of("lastName", "X", "email", "not-an-email")), "email");
        assertField(create(Map.of("lastName", "X", "email", "a@localhost")), "email");
        assertField(create(Map.of("lastName", "X", "emails", List.of("a@b.com", "c@d.com", "e@@f.com"))), "emails[2]");
        assertField(create(Map.of("lastName", "X", "phone", "+1 12")), "phone");
        assertField(
                create(Map.of("lastName", "X", "phones", List.of("+16502530000", "12"), "phoneRegion", "DE")),
                "phones[1]");
        assertField(create(Map.of("lastName", "X", "phone", "030 901820")), "phone");
        assertField(create(Map.of("lastName", "X", "phone", "030 901820", "phoneRegion", "XX")), "phoneRegion");
        assertField(create(Map.of("lastName", "X", "accountRole", "ceo")), "accountRole");
        assertField(create(Map.of("lastName", "X", "social", Map.of("myspace", "tom"))), "social.myspace");
        assertField(create(Map.of("lastName", "X", "colour", "red")), "colour");
        assertField(create(Map.of("firstName", " ")), "firstName");
        assertField(create(Map.of("lastName", " ", "title", "CEO")), "lastName");
        assertField(
                create(Map.of("lastName", "X", "accountId", UUID.randomUUID().toString())), "accountId");
        assertField(create(Map.of("lastName", "X", "accountId", otherTenantsAccount)), "accountId");
        assertField(create(Map.of("lastName", "X", "preferredLanguage", "en_US")), "preferredLanguage");
        assertField(create(Map.of("lastName", "X", "emailOptIn", "yes")), "emailOptIn");
        assertField(create(Map.of("lastName", "X", "status", "gone")), "status");
        assertThat(count()).isEqualTo(before);

        String id = id(create(Map.of("lastName", "Unchanged", "phone", "+16502530000")));
        assertField(
                patch("rep@acme.test", id, Map.of("title", "CTO", "phones", List.of("no number")), null), "phones[0]");
        JsonNode unchanged = get("rep@acme.test", id);
        assertThat(unchanged.get("title").isNull()).isTrue();
        assertThat(unchanged.get("version").asLong()).isZero();
    }

    @Test
    void theListOfAddressesAlwaysHoldsThePrimary() {
        String id = id(create(Map.of("lastName", "Many", "emails", List.of("b@x.com", "a@x.com", "B@X.com"))));
        assertThat(get("rep@acme.test", id).get("email").asText()).isEqualTo("b@x.com");

        JsonNode added = patch("rep@acme.test", id, Map.of("email", "c@x.com"), null)
                .expect(200)
                .json();
        assertThat(added.get("emails")).extracting(JsonNode::asText).containsExactly("c@x.com", "b@x.com", "a@x.com");
        JsonNode replaced = patch("rep@acme.test", id, Map.of("emails", List.of("a@x.com", "d@x.com")), null)
                .expect(200)
                .json();
        assertThat(replaced.get("email").asText()).isEqualTo("a@x.com");
        Map<String, Object> clear = new HashMap<>();
        clear.put("email", null);
        JsonNode cleared = patch("rep@acme.test", id, clear, null).expect(200).json();
        assertThat(cleared.get("email").asText()).isEqualTo("d@x.com");
        assertThat(cleared.get("emails")).extracting(JsonNode::asText).containsExactly("d@x.com");
    }

    @Test
    void changingConsentRecordsWhen() {
        String id = id(create(Map.of("lastName", "Consenting")));
        patch("rep@acme.test", id, Map.of("title", "CFO"), null).expect(200);
        assertThat(get("rep@acme.test", id).get("consentUpdatedAt").isNull()).isTrue();

        JsonNode optedIn = patch("rep@acme.test", id, Map.of("smsOptIn", true), null)
                .expect(200)
                .json();
        String at = optedIn.get("consentUpdatedAt").asText();
        assertThat(at).isNotEmpty();
        JsonNode same = patch("rep@acme.test", id, Map.of("smsOptIn", true, "title", "CEO"), null)
                .expect(200)
                .json();
        assertThat(same.get("consentUpdatedAt").asText())
                .as("no change of consent")
                .isEqualTo(at);
        JsonNode history = api.as("acme", "rep@acme.test", "GET", "/api/v1/contacts/" + id + "/history")
                .send()
                .expect(200)
                .json()
                .get("items");
        assertThat(history.findValuesAsText("field")).contains("smsOptIn", "consentUpdatedAt");
    }

    @Test
    void listsFilterByAccountEmailStatusConsentAndTagsAndSort() {
        String tag = "t" + UUID.randomUUID().toString().substring(0, 6);
        String account = accountIn("US");
        create(Map.of("lastName", "Cole", "firstName", "Ann", "tags", List.of(tag), "accountId", account))
                .expect(201);
        create(Map.of("lastName", "Abel", "tags", List.of(tag), "email", "abel@list.example", "emailOptIn", true))
                .expect(201);
        create(Map.of("lastName", "cole", "firstName", "Bea", "tags", List.of(tag), "status", "inactive"))
                .expect(201);

        assertThat(lastNames("?tags[has]=" + tag + "&sort=lastName,-firstName"))
                .containsExactly("Abel", "cole", "Cole");
        assertThat(lastNames("?tags[has]=" + tag + "&accountId=" + account)).containsExactly("Cole");
        assertThat(lastNames("?tags[has]=" + tag + "&email=ABEL@list.example")).containsExactly("Abel");
        assertThat(lastNames("?tags[has]=" + tag + "&emails[has]=abel@list.example"))
                .containsExactly("Abel");
        assertThat(lastNames("?tags[has]=" + tag + "&status=inactive")).containsExactly("cole");
        // A field with a closed set of values is compared as stored (which its index answers), in any case.
        assertThat(lastNames("?tags[has]=" + tag + "&status=INACTIVE")).containsExactly("cole");
        assertThat(lastNames("?tags[has]=" + tag + "&status[in]=Inactive,unknown"))
                .containsExactly("cole");
        assertThat(lastNames("?tags[has]=" + tag + "&status[ne]=inactive&sort=-lastName,firstName"))
                .containsExactly("Cole", "Abel");
        assertThat(lastNames("?tags[has]=" + tag + "&emailOptIn=true")).containsExactly("Abel");
        assertThat(lastNames("?tags[has]=" + tag + "&emailOptIn[ne]=true&sort=firstName"))
                .containsExactly("Cole", "cole");
        assertThat(lastNames("?tags[has]=" + tag + "&accountId[isNull]=true")).hasSize(2);
        assertField(
                api.as("acme", "rep@acme.test", "GET", "/api/v1/contacts?emailOptIn=yes")
                        .send(),
                "emailOptIn");
        assertField(
                api.as("acme", "rep@acme.test", "GET", "/api/v1/contacts?emailOptIn[gt]=true")
                        .send(),
                "emailOptIn[gt]");
        assertField(
                api.as("acme", "rep@acme.test", "GET", "/api/v1/contacts?sort=social")
                        .send(),
                "sort");
    }

    @Test
    void aDeletedContactDisappearsAndComesBackWithinTheWindow() {
        String tag = "d" + UUID.randomUUID().toString().substring(0, 6);
        String id = id(create(Map.of("lastName", "Phoenix", "tags", List.of(tag))));
        api.as("acme", "rep@acme.test", "DELETE", "/api/v1/contacts/" + id)
                .send()
                .expect(204);
        api.as("acme", "rep@acme.test", "GET", "/api/v1/contacts/" + id).send().expect(404);
        assertThat(lastNames("?tags[has]=" + tag)).isEmpty();

        api.as("acme", "rep@acme.test", "POST", "/api/v1/contacts/" + id + "/restore")
                .send()
                .expect(200);
        assertThat(lastNames("?tags[has]=" + tag)).containsExactly("Phoenix");
        api.as("acme", "rep@acme.test", "POST", "/api/v1/contacts/" + id + "/restore")
                .send()
                .expect(409);
    }

    @Test
    void everyChangeIsInTheFieldHistory() {
        String id = id(create(Map.of("lastName", "History", "title", "CTO")));
        patch("rep@acme.test", id, Map.of("title", "CEO", "status", "inactive"), null)
                .expect(200);
        JsonNode history = api.as("acme", "rep@acme.test", "GET", "/api/v1/contacts/" + id + "/history?limit=2")
                .send()
                .expect(200)
                .json();
        assertThat(history.get("items").findValuesAsText("field")).containsExactly("title", "status");
        assertThat(history.get("items").get(0).get("before").asText()).isEqualTo("CTO");
        assertThat(history.get("items").get(0).get("after").asText()).isEqualTo("CEO");
        assertThat(history.get("items").get(0).get("actorId").asText()).isEqualTo(userId("rep@acme.test"));
        assertThat(history.get("nextCursor").isNull()).isFalse();
    }

    @Test
    void twoUpdatesWithTheSameETagLetOnlyOneThrough() {
        Api.Response created = create(Map.of("lastName", "Race"));
        String id = id(created);
        String etag = created.header("ETag").orElseThrow();
        Api.Response first = patch("rep@acme.test", id, Map.of("title", "First"), etag);
        Api.Response second = patch("rep@acme.test", id, Map.of("title", "Second"), etag);
        assertThat(List.of(first.status(), second.status())).containsExactlyInAnyOrder(200, 412);
        assertThat(get("rep@acme.test", id).get("title").asText()).isEqualTo("First");
    }

    @Test
    void creatingAContactTellsTheRestOfTheSystemInTheSameTransaction(
            @Autowired ConfigurableApplicationContext context) {
        List<ContactCreated> seen = new CopyOnWriteArrayList<>();
        List<Boolean> inTransaction = new CopyOnWriteArrayList<>();
        ApplicationListener<ApplicationEvent> listener = event -> {
            if (event instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof ContactCreated c) {
                seen.add(c);
                inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
            }
        };
        context.addApplicationListener(listener);
        try {
            String account = accountIn("US");
            String id = id(create(Map.of("lastName", "Evented", "accountId", account)));
            List<ContactCreated> mine = seen.stream()
                    .filter(c -> c.contactId().toString().equals(id))
                    .toList();
            assertThat(mine).hasSize(1);
            assertThat(mine.get(0).accountId()).hasToString(account);
            assertThat(mine.get(0).ownerId()).hasToString(userId("rep@acme.test"));
            assertThat(mine.get(0).tenantId()).isNotNull();
            assertThat(inTransaction).containsOnly(true);
        } finally {
            context.removeApplicationListener(listener);
        }
    }

    private String accountIn(String country) {
        return api.as("acme", "rep@acme.test", "POST", "/api/v1/accounts")
                .json(Map.of("name", "Account in " + country, "billingAddress", Map.of("country", country)))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private Api.Response create(Map<String, Object> body) {
        return create("rep@acme.test", body);
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

    private List<String> lastNames(String query) {
        List<String> names = new ArrayList<>();
        api.as("acme", "rep@acme.test", "GET", "/api/v1/contacts" + query)
                .send()
                .expect(200)
                .json()
                .get("items")
                .forEach(c -> names.add(c.get("lastName").asText()));
        return names;
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
        return inTenant.call("acme", () -> jdbc.queryForObject("SELECT count(*) FROM contacts", Integer.class));
    }

    private RecordEndpoint endpoint() {
        return new RecordEndpoint(api, "/api/v1/contacts");
    }
}
