package io.salesflow.duplicate;

import static io.salesflow.duplicate.DuplicateFixture.find;
import static io.salesflow.duplicate.DuplicateFixture.unique;
import static io.salesflow.duplicate.DuplicateFixture.uniqueWord;
import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.records.DeletedRecordPurge;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The review queue: pairs found after a lead, contact or account was created, for callers who may read both
 * records; dismissing a pair takes it off the queue and off both records' candidates.
 */
@IntegrationTest
class DuplicateQueueTest {

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DeletedRecordPurge purge;

    private DuplicateFixture records;

    @BeforeEach
    void fixture() {
        records = new DuplicateFixture(api);
    }

    @Test
    void aNewLeadLikeAnExistingOneIsQueuedWithItsReasons() {
        String email = unique() + "@gmail.com";
        String first = lead("rep@acme.test", email);
        String second = lead("rep@acme.test", email);

        JsonNode pair = awaitPair("rep@acme.test", "lead", second);

        assertThat(List.of(
                        pair.get("record").get("id").asText(),
                        pair.get("candidate").get("id").asText()))
                .as("found when either was created, whichever looked last")
                .containsExactlyInAnyOrder(first, second);
        assertThat(pair.get("candidate").get("title").asText()).isNotBlank();
        assertThat(pair.get("similarity").asDouble()).isEqualTo(0.95);
        assertThat(pair.get("reasons").findValuesAsText("reason")).containsExactly("same_email");
        assertThat(pair.get("foundAt").asText()).isNotBlank();
    }

    @Test
    void newAccountsAndContactsAreQueuedToo() {
        String domain = unique() + ".example";
        String word = uniqueWord();
        records.create("rep@acme.test", "accounts", Map.of("name", word + " Holding", "domain", domain));
        String account =
                records.create("rep@acme.test", "accounts", Map.of("name", word + " Holding AG", "website", domain));
        String email = unique() + "@" + domain;
        records.create("rep@acme.test", "contacts", Map.of("lastName", uniqueWord(), "email", email));
        String contact = records.create("rep@acme.test", "contacts", Map.of("lastName", uniqueWord(), "email", email));

        assertThat(awaitPair("rep@acme.test", "account", account).get("reasons").findValuesAsText("reason"))
                .contains("same_domain", "similar_company_name");
        assertThat(awaitPair("rep@acme.test", "contact", contact).get("reasons").findValuesAsText("reason"))
                .contains("same_email");
    }

    @Test
    void aPairWithARecordTheCallerCannotReadIsNotTheirs() {
        String email = unique() + "@queue.test";
        String marketing = records.userId("acme", "marketing@acme.test");
        records.create(
                "admin@acme.test",
                "leads",
                Map.of("lastName", uniqueWord(), "email", email, "source", "api", "ownerId", marketing));
        String repsLead = lead("rep@acme.test", email);

        awaitPair("admin@acme.test", "lead", repsLead);
        assertThat(pairOf("rep@acme.test", "lead", repsLead)).isNull();
        assertThat(pairOf("admin@globex.test", "lead", repsLead)).isNull();
    }

    @Test
    void aDismissedPairLeavesTheQueueAndTheCandidates() {
        String email = unique() + "@queue.test";
        String first = lead("rep@acme.test", email);
        String second = lead("rep@acme.test", email);
        String pair = awaitPair("rep@acme.test", "lead", second).get("id").asText();

        assertThat(dismiss("auditor@acme.test", pair).status())
                .as("the auditor changes nothing")
                .isEqualTo(403);
        assertThat(dismiss("admin@globex.test", pair).status()).isEqualTo(404);
        JsonNode dismissed = dismiss("rep@acme.test", pair).expect(200).json();

        assertThat(dismissed.get("dismissedAt").asText()).isNotBlank();
        assertThat(dismissed.get("candidate").get("title").asText()).isNotBlank();
        assertThat(pairOf("rep@acme.test", "lead", second)).isNull();
        assertThat(find(records.duplicates("rep@acme.test", "leads", second), first))
                .isNull();
        assertThat(find(records.duplicates("rep@acme.test", "leads", first), second))
                .isNull();
        dismiss("rep@acme.test", pair).expect(200);
    }

    @Test
    void pairsOfPurgedRecordsAreForgotten() {
        String email = unique() + "@gmail.com";
        String kept = lead("rep@acme.test", email);
        String purged = lead("rep@acme.test", email);
        String pair = awaitPair("rep@acme.test", "lead", purged).get("id").asText();
        api.as("acme", "rep@acme.test", "DELETE", "/api/v1/leads/" + purged)
                .send()
                .expect(204);
        inTenant.run(
                "acme",
                () -> jdbc.update(
                        "UPDATE leads SET deleted_at = now() - interval '31 days' WHERE id = ?::uuid", purged));

        purge.purge();

        await().atMost(Duration.ofSeconds(10)).until(() -> pairs(pair) == 0);
        assertThat(records.duplicates("rep@acme.test", "leads", kept).findValuesAsText("id"))
                .doesNotContain(purged);
    }

    @Test
    void manyRecordsSharingANameKeepABoundedNumberOfPairsWithTheTrueDuplicateAmongThem() {
        String first = uniqueWord();
        String last = uniqueWord();
        String company = uniqueWord() + " Consulting";
        int alike = Duplicates.PAIRS_PER_RECORD + 10;
        String email = unique() + "@gmail.com";
        String twin = records.create(
                "rep@acme.test",
                "leads",
                Map.of("firstName", first, "lastName", last, "company", company, "email", email, "source", "api"));
        List<String> leads = new ArrayList<>(List.of(twin));
        for (int i = 0; i < alike; i++) {
            leads.add(records.create(
                    "rep@acme.test",
                    "leads",
                    Map.of("firstName", first, "lastName", last, "company", company, "source", "api")));
        }
        String duplicate = records.create(
                "rep@acme.test",
                "leads",
                Map.of("firstName", first, "lastName", last, "company", company, "email", email, "source", "api"));
        leads.add(duplicate);

        await().atMost(Duration.ofSeconds(30)).until(() -> pairsOf(duplicate).contains(twin));
        assertThat(pairsOf(duplicate))
                .as("the lead with the same email is kept among the strongest pairs")
                .hasSize(Duplicates.PAIRS_PER_RECORD)
                .contains(twin);
        for (String lead : leads) {
            assertThat(pairsOf(lead))
                    .as("pairs lead %s added", lead)
                    .hasSizeLessThanOrEqualTo(Duplicates.PAIRS_PER_RECORD);
        }
    }

    @Test
    void theQueueNeedsARecordType() {
        assertField(api.as("acme", "rep@acme.test", "GET", "/api/v1/duplicates").send(), "type");
        assertField(
                api.as("acme", "rep@acme.test", "GET", "/api/v1/duplicates?type=deal")
                        .send(),
                "type");
        assertField(
                api.as("acme", "rep@acme.test", "GET", "/api/v1/duplicates?type=lead&cursor=xyz")
                        .send(),
                "cursor");
    }

    private int pairs(String id) {
        return inTenant.call(
                "acme",
                () -> jdbc.queryForObject(
                        "SELECT count(*) FROM duplicate_candidates WHERE id = ?::uuid", Integer.class, id));
    }

    /** The candidates of the pairs {@code record} added to the queue when it was created. */
    private List<String> pairsOf(String record) {
        return inTenant.call(
                "acme",
                () -> jdbc.queryForList(
                        "SELECT candidate_id::text FROM duplicate_candidates WHERE record_type = 'lead'"
                                + " AND record_id = ?::uuid",
                        String.class,
                        record));
    }

    private String lead(String user, String email) {
        return records.create(user, "leads", Map.of("lastName", uniqueWord(), "email", email, "source", "api"));
    }

    private Api.Response dismiss(String user, String pair) {
        String tenant = user.endsWith("@globex.test") ? "globex" : "acme";
        return api.as(tenant, user, "POST", "/api/v1/duplicates/" + pair + "/dismiss")
                .send();
    }

    private JsonNode awaitPair(String user, String type, String record) {
        await().atMost(Duration.ofSeconds(20)).until(() -> pairOf(user, type, record) != null);
        return pairOf(user, type, record);
    }

    /** The open pair with {@code record} on either side in the user's queue, walking all its pages. */
    private JsonNode pairOf(String user, String type, String record) {
        String tenant = user.endsWith("@globex.test") ? "globex" : "acme";
        String cursor = null;
        do {
            JsonNode page = api.as(
                            tenant,
                            user,
                            "GET",
                            "/api/v1/duplicates?type=" + type + "&limit=200"
                                    + (cursor == null ? "" : "&cursor=" + cursor))
                    .send()
                    .expect(200)
                    .json();
            for (JsonNode pair : page.get("items")) {
                if (pair.get("record").get("id").asText().equals(record)
                        || pair.get("candidate").get("id").asText().equals(record)) {
                    return pair;
                }
            }
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
        } while (cursor != null);
        return null;
    }
}
