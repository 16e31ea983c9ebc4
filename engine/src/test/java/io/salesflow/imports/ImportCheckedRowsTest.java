package io.salesflow.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.contact.ContactCreated;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.Multipart;
import io.salesflow.support.PublishedEvents;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A chunk with bad rows is rolled back once, however many they are, and its rows checked by the record service's own
 * rules: refused rows are reported with their row and field and leave nothing behind, and the good rows are written
 * once, with their history and audit.
 */
@IntegrationTest
class ImportCheckedRowsTest {

    @Autowired
    Api api;

    @Autowired
    PublishedEvents events;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    ImportCalls calls;

    @BeforeEach
    void setUp() {
        calls = new ImportCalls(api);
    }

    @Test
    void badContactRowsAreSetAsideWithOneRollbackAndTheGoodOnesAreWrittenOnceWithHistoryAndAudit() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        api.as("acme", "admin@acme.test", "POST", "/api/v1/contacts")
                .json(Map.of("firstName", "Old", "lastName", "Timer", "email", "old." + run + "@checked.test"))
                .send()
                .expect(201);
        String csv = "First Name,Last Name,Email,Phone,Source\n"
                + "Ada,Good,ada." + run + "@checked.test,+1 212 736 0101,event\n"
                + "Bad,Email,bad-at-checked.test,,event\n"
                + "Bob,Good,bob." + run + "@checked.test,,referral\n"
                + "Bad,Phone,phone." + run + "@checked.test,12,event\n"
                + "Ada,Again,ADA." + run + "@checked.test,,event\n"
                + "Old,Timer,old." + run + "@checked.test,,event\n"
                + "Bad,Source,source." + run + "@checked.test,,billboard\n"
                + "Cy,Good,cy." + run + "@checked.test,,\n";
        List<UUID> before = createdContacts();

        JsonNode job = calls.imported(
                "admin@acme.test",
                calls.upload(
                        "acme",
                        "admin@acme.test",
                        new Multipart()
                                .field("recordType", "contacts")
                                .field("duplicates", "skip")
                                .file("file", "contacts.csv", "text/csv", ImportCalls.csv(csv))));

        assertThat(job.get("status").asText()).isEqualTo("completed");
        assertThat(job.get("imported").asInt()).isEqualTo(3);
        assertThat(job.get("skipped").asInt())
                .as("a row repeating an earlier one, a row an existing contact has")
                .isEqualTo(2);
        assertThat(job.get("failed").asInt()).isEqualTo(3);
        JsonNode errors = calls.errors(job);
        assertThat(errors.findValuesAsText("row")).containsExactly("3", "5", "8");
        assertThat(errors.findValuesAsText("field")).containsExactly("email", "phone", "source");
        assertThat(errors.get(0).get("message").asText()).isEqualTo("is not an email address like name@example.com");

        Set<UUID> imported = contactIds(run);
        assertThat(imported).hasSize(4); // the three imported and the one made beforehand
        List<UUID> published = createdContacts();
        List<UUID> createdByImport = published.subList(before.size(), published.size());
        assertThat(createdByImport)
                .as("the three good rows, and once more the one before the first bad row: it ran in the transaction"
                        + " that row spoiled, rolled back once for the three bad rows together")
                .hasSize(4)
                .filteredOn(imported::contains)
                .hasSize(3);
        for (UUID id : imported) {
            assertThat(count("SELECT count(*) FROM record_history WHERE record_type = 'contact' AND record_id = ?", id))
                    .isPositive();
            assertThat(count(
                            "SELECT count(*) FROM audit_log WHERE action = 'contact.created' AND resource_id = ?",
                            id.toString()))
                    .isEqualTo(1);
        }
        assertThat(inTenant.call(
                        "globex",
                        () -> jdbc.queryForObject(
                                "SELECT count(*) FROM contacts WHERE email LIKE ?", Integer.class, "%" + run + "%")))
                .as("another workspace sees none of them")
                .isZero();
    }

    private List<UUID> createdContacts() {
        return events.of(ContactCreated.class).map(ContactCreated::contactId).toList();
    }

    private Set<UUID> contactIds(String run) {
        return inTenant.call(
                "acme",
                () ->
                        jdbc
                                .queryForList("SELECT id FROM contacts WHERE email LIKE ?", UUID.class, "%" + run + "%")
                                .stream()
                                .collect(Collectors.toSet()));
    }

    private int count(String sql, Object id) {
        return inTenant.call("acme", () -> jdbc.queryForObject(sql, Integer.class, id));
    }
}
