package io.salesflow.lead;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.PublishedEvents;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class LeadConversionTest {

    @Autowired
    Api api;

    @Autowired
    PublishedEvents events;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aQualifiedLeadBecomesAnAccountAContactAndADealAtOnce() {
        String company = "Convertible " + UUID.randomUUID().toString().substring(0, 6);
        String lead = qualifiedLead(company);
        JsonNode result = convert(
                        lead, Map.of("deal", Map.of("name", company + " pilot", "amount", 12000, "currency", "EUR")))
                .expect(200)
                .json();

        JsonNode contact = get("/api/v1/contacts/" + result.get("contactId").asText());
        assertThat(contact.get("email").asText()).isEqualTo("ann@convert.example");
        assertThat(contact.get("phone").asText()).isEqualTo("+4930123456");
        assertThat(contact.get("source").asText()).as("the lead's source").isEqualTo("referral");
        assertThat(contact.get("accountId").asText())
                .isEqualTo(result.get("accountId").asText());
        assertThat(get("/api/v1/accounts/" + result.get("accountId").asText())
                        .get("name")
                        .asText())
                .isEqualTo(company);
        JsonNode deal = get("/api/v1/deals/" + result.get("dealId").asText());
        assertThat(deal.get("accountId").asText())
                .isEqualTo(result.get("accountId").asText());

        JsonNode converted = get("/api/v1/leads/" + lead);
        assertThat(converted.get("status").asText()).isEqualTo("converted");
        assertThat(converted.get("convertedContactId").asText())
                .isEqualTo(result.get("contactId").asText());
        assertThat(converted.get("convertedAt").isNull()).isFalse();
        assertThat(events.of(LeadConverted.class))
                .anySatisfy(e -> assertThat(e.leadId().toString()).isEqualTo(lead));
    }

    @Test
    void theLeadsActivitiesAndNotesFollowItToTheContactAndAccount() {
        String lead = qualifiedLead("Carry Over " + UUID.randomUUID().toString().substring(0, 6));
        String activity = api.as("acme", "rep@acme.test", "POST", "/api/v1/activities")
                .json(Map.of("type", "call", "subject", "Discovery call", "leadId", lead))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        String note = api.as("acme", "rep@acme.test", "POST", "/api/v1/notes")
                .json(Map.of("body", "Budget approved in Q3", "leadId", lead))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        JsonNode result = convert(lead, Map.of()).expect(200).json();

        for (String path : new String[] {"/api/v1/activities/" + activity, "/api/v1/notes/" + note}) {
            JsonNode linked = get(path);
            assertThat(linked.get("leadId").asText()).isEqualTo(lead);
            assertThat(linked.get("contactId").asText())
                    .isEqualTo(result.get("contactId").asText());
            assertThat(linked.get("accountId").asText())
                    .isEqualTo(result.get("accountId").asText());
        }
        JsonNode timeline = get("/api/v1/contacts/" + result.get("contactId").asText() + "/timeline");
        assertThat(timeline.get("items").findValuesAsText("id")).contains(activity, note);
    }

    @Test
    void aLeadCanBeAttachedToAnExistingAccount() {
        String account = api.as("acme", "rep@acme.test", "POST", "/api/v1/accounts")
                .json(Map.of("name", "Existing Co"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        String lead = qualifiedLead("Whatever Inc");
        JsonNode result =
                convert(lead, Map.of("accountId", account)).expect(200).json();
        assertThat(result.get("accountId").asText()).isEqualTo(account);
        assertThat(result.get("dealId").isNull()).isTrue();
    }

    @Test
    void aRefusedPartUndoesTheWholeConversion() {
        String company = "Halfway " + UUID.randomUUID().toString().substring(0, 6);
        String lead = qualifiedLead(company);
        int accounts = count("accounts");
        int contacts = count("contacts");
        assertField(
                convert(lead, Map.of("deal", Map.of("name", "Bad", "amount", 10, "currency", "XYZ"))), "deal.currency");
        assertThat(count("accounts")).isEqualTo(accounts);
        assertThat(count("contacts")).isEqualTo(contacts);
        assertThat(get("/api/v1/leads/" + lead).get("status").asText()).isEqualTo("qualified");

        String fresh = api.as("acme", "rep@acme.test", "POST", "/api/v1/leads")
                .json(Map.of("lastName", "Early", "source", "event"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        assertField(convert(fresh, Map.of()), "status");
        assertField(convert(lead, Map.of("colour", "red")), "colour");
    }

    private String qualifiedLead(String company) {
        String id = api.as("acme", "rep@acme.test", "POST", "/api/v1/leads")
                .json(Map.of(
                        "firstName",
                        "Ann",
                        "lastName",
                        "Lee",
                        "company",
                        company,
                        "email",
                        "ann@convert.example",
                        "phone",
                        "030 123456",
                        "country",
                        "DE",
                        "source",
                        "referral"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        patch(id, Map.of("status", "contacted"));
        patch(id, Map.of("status", "qualified"));
        return id;
    }

    private void patch(String id, Map<String, Object> body) {
        api.as("acme", "rep@acme.test", "PATCH", "/api/v1/leads/" + id)
                .json(body)
                .send()
                .expect(200);
    }

    private Api.Response convert(String lead, Map<String, Object> body) {
        return api.as("acme", "rep@acme.test", "POST", "/api/v1/leads/" + lead + "/convert")
                .json(body)
                .send();
    }

    private JsonNode get(String path) {
        return api.as("acme", "rep@acme.test", "GET", path).send().expect(200).json();
    }

    private int count(String table) {
        return inTenant.call("acme", () -> jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class));
    }
}
