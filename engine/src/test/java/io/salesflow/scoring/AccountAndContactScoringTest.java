package io.salesflow.scoring;

import static io.salesflow.scoring.LeadScoreApiTest.firedRules;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The default rules that read the lead's account and contact, in the acme workspace: the account is found by the
 * lead's email or website domain (not a free-mail one), the contact by the lead's email address.
 */
@IntegrationTest
class AccountAndContactScoringTest {

    private static final String REP = "rep@acme.test";

    @Autowired
    Api api;

    @Test
    void aDecisionMakerAtATargetCustomerScoresForAllThree() {
        String domain = domain();
        String account = targetAccount(domain);
        win(account);
        create(
                "contacts",
                Map.of(
                        "firstName", "Gavin",
                        "lastName", "Belson",
                        "email", "gavin@" + domain,
                        "accountId", account,
                        "accountRole", "decision_maker"));

        String lead = lead(Map.of("firstName", "Gavin", "email", "Gavin+webinar@" + domain.toUpperCase()));

        JsonNode score = score(lead);
        assertThat(firedRules(score.get("explanation")))
                .contains("Existing customer", "Target account", "Known decision maker")
                .doesNotContain("Contact opted out");
    }

    @Test
    void aColleagueAtTheAccountGetsTheAccountsPointsButNotTheContacts() {
        String domain = domain();
        String account = targetAccount(domain);
        create("contacts", Map.of("lastName", "Belson", "email", "gavin@" + domain, "accountRole", "decision_maker"));

        JsonNode score = score(lead(Map.of("lastName", "Bighetti", "email", "nelson@" + domain)));

        assertThat(firedRules(score.get("explanation")))
                .contains("Target account")
                .doesNotContain("Existing customer", "Known decision maker");
        assertThat(account).isNotBlank();
    }

    @Test
    void aLeadGivingOnlyTheCompanyWebsiteIsMatchedToTheAccount() {
        String domain = domain();
        targetAccount(domain);

        JsonNode score = score(lead(Map.of("lastName", "Dunn", "website", "http://" + domain + "/about")));

        assertThat(firedRules(score.get("explanation"))).contains("Target account");
    }

    @Test
    void aFreeMailAddressNamesNoAccountEvenWhenOneHasThatDomain() {
        create("accounts", Map.of("name", "Gmail", "website", "https://gmail.com", "tags", List.of("Target")));

        JsonNode score =
                score(lead(Map.of("lastName", "Hendricks", "email", "richard." + UUID.randomUUID() + "@gmail.com")));

        assertThat(firedRules(score.get("explanation"))).doesNotContain("Target account");
    }

    @Test
    void aContactWhoUnsubscribedCostsPointsAndARescoreSeesTheAccountWinADeal() {
        String domain = domain();
        String account = targetAccount(domain);
        create(
                "contacts",
                Map.of(
                        "lastName",
                        "Gilfoyle",
                        "email",
                        "gilfoyle@" + domain,
                        "accountId",
                        account,
                        "status",
                        "unsubscribed"));
        String lead = lead(Map.of("lastName", "Gilfoyle", "email", "gilfoyle@" + domain));
        JsonNode before = score(lead);
        assertThat(firedRules(before.get("explanation")))
                .contains("Contact opted out", "Target account")
                .doesNotContain("Existing customer");

        win(account);
        JsonNode after = api.as("acme", REP, "POST", "/api/v1/leads/" + lead + "/rescore")
                .send()
                .expect(200)
                .json();

        assertThat(firedRules(after.get("explanation"))).contains("Existing customer", "Contact opted out");
        assertThat(after.get("score").asInt())
                .isEqualTo(Math.min(100, before.get("score").asInt() + 10));
    }

    private String targetAccount(String domain) {
        return create(
                "accounts",
                Map.of(
                        "name",
                        "Hooli " + domain,
                        "website",
                        "https://www." + domain,
                        "industry",
                        "Software",
                        "size",
                        "201-500",
                        "tags",
                        List.of("Target")));
    }

    private void win(String account) {
        create(
                "deals",
                Map.of(
                        "name",
                        "Hooli platform",
                        "amount",
                        25000,
                        "currency",
                        "EUR",
                        "accountId",
                        account,
                        "status",
                        "won",
                        "wonReasonId",
                        wonReason()));
    }

    private String wonReason() {
        return api.as("acme", REP, "GET", "/api/v1/deal-reasons?kind=WON")
                .send()
                .expect(200)
                .json()
                .get(0)
                .get("id")
                .asText();
    }

    /** A lead that fires few default rules of its own: outbound, outside the markets, no title. */
    private String lead(Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("company", "Hooli", "country", "MX", "source", "outbound"));
        body.putAll(fields);
        return create("leads", body);
    }

    private JsonNode score(String lead) {
        return api.as("acme", REP, "GET", "/api/v1/leads/" + lead + "/score")
                .send()
                .expect(200)
                .json();
    }

    private String create(String collection, Map<String, Object> body) {
        return api.as("acme", REP, "POST", "/api/v1/" + collection)
                .json(body)
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    private static String domain() {
        return "hooli-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }
}
