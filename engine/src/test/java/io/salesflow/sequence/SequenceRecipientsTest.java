package io.salesflow.sequence;

import static io.salesflow.sequence.SequenceFixtures.ADMIN;
import static io.salesflow.sequence.SequenceFixtures.REP;
import static io.salesflow.sequence.SequenceFixtures.emailStep;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.calendar.BusinessCalendar;
import io.salesflow.calendar.BusinessCalendars;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who a sequence writes to, and when: a send waits for working hours in the recipient's own time zone as well as the
 * sender's; records picked on a list page are enrolled by id, the ones that cannot be reported with the reason; an
 * unknown time zone or too many ids is a 400 naming the field, with nothing saved.
 */
@IntegrationTest
class SequenceRecipientsTest {

    @Autowired
    Api api;

    @Autowired
    ManagementService management;

    @Autowired
    BusinessCalendars calendars;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    private SequenceFixtures fixtures;
    private String rep;
    private String sequenceId;

    @BeforeEach
    void sequence() {
        fixtures = new SequenceFixtures(api);
        rep = fixtures.userId(REP);
        sequenceId = fixtures.createSequence(SequenceFixtures.sequence(
                        rep, null, List.of(emailStep(fixtures.template("Hello {{record.firstName}}")))))
                .get("id")
                .asText();
    }

    @Test
    void aSendWaitsForTheRecipientsMorningInTheirTimeZone() {
        BusinessCalendar sender = inTenant.call("acme", () -> calendars.ofUser(UUID.fromString(rep)));
        BusinessCalendar workspace = inTenant.call("acme", calendars::ofTenant);
        Instant now = Instant.now();
        // A zone whose working day is more than an hour away, and whose hours meet the sender's within a week.
        ZoneId zone = IntStream.rangeClosed(-12, 12)
                .mapToObj(h -> ZoneId.of(h == 0 ? "Etc/UTC" : "Etc/GMT" + (h > 0 ? "+" : "") + h))
                .filter(z -> {
                    BusinessCalendar theirs = SendWindow.recipient(workspace, z);
                    Instant next = SendWindow.next(sender, theirs, now);
                    return theirs.nextWorkingTime(now).isAfter(now.plus(Duration.ofHours(1)))
                            && sender.isWorkingTime(next)
                            && theirs.isWorkingTime(next);
                })
                .findFirst()
                .orElseThrow();
        BusinessCalendar recipient = SendWindow.recipient(workspace, zone);
        String lead = api.as("acme", REP, "POST", "/api/v1/leads")
                .json(Map.of(
                        "lastName",
                        SequenceFixtures.unique("Faraway"),
                        "source",
                        "api",
                        "email",
                        SequenceFixtures.unique("far") + "@customer.example",
                        "timeZone",
                        zone.getId()))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();

        JsonNode enrolment =
                fixtures.enrol(sequenceId, "lead", lead).expect(201).json();

        assertThat(enrolment.get("recipientTimeZone").asText()).isEqualTo(zone.getId());
        Job timer = management
                .createJobQuery()
                .processInstanceId(enrolment.get("processInstanceId").asText())
                .activityId("Timer_WorkingHours")
                .timers()
                .singleResult();
        assertThat(timer).as("the send waits").isNotNull();
        Instant due = timer.getDuedate().toInstant();
        assertThat(due).isAfter(now.plus(Duration.ofHours(1)));
        assertThat(recipient.isWorkingTime(due))
                .as("working time where the recipient is")
                .isTrue();
        assertThat(sender.isWorkingTime(due)).as("working time for the sender").isTrue();
        assertThat(Instant.parse(enrolment.get("sendAt").asText())).isEqualTo(due);
        assertThat(sent(enrolment)).as("nothing sent yet").isZero();
    }

    @Test
    void selectedLeadsAreEnrolledByIdAndTheOthersReportedWithTheirReason() {
        String first = fixtures.lead(SequenceFixtures.unique("pick") + "@customer.example");
        String second = fixtures.lead(SequenceFixtures.unique("pick") + "@customer.example");
        String noEmail = api.as("acme", REP, "POST", "/api/v1/leads")
                .json(Map.of("lastName", SequenceFixtures.unique("Mute"), "source", "api"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        String unknown = UUID.randomUUID().toString();

        JsonNode result = enrolRecords("lead", List.of(first, second, noEmail, unknown, first))
                .expect(200)
                .json();

        assertThat(ids(result.get("enrolled"), "recordId")).containsExactly(first, second);
        assertThat(result.get("skipped")).hasSize(2);
        assertThat(result.get("skipped").get(0).get("recordId").asText()).isEqualTo(noEmail);
        assertThat(result.get("skipped").get(0).get("type").asText()).isEqualTo("no-email-address");
        assertThat(result.get("skipped").get(1).get("type").asText()).isEqualTo("not-found");
        assertThat(result.get("nextCursor").isNull()).isTrue();

        JsonNode again = enrolRecords("lead", List.of(first)).expect(200).json();
        assertThat(again.get("enrolled")).isEmpty();
        assertThat(again.get("skipped").get(0).get("type").asText()).isEqualTo("already-enrolled");
    }

    @Test
    void moreThanFiveHundredIdsIsA400NamingTheFieldAndNobodyIsEnrolled() {
        String lead = fixtures.lead(SequenceFixtures.unique("many") + "@customer.example");
        List<String> ids = new ArrayList<>(List.of(lead));
        for (int i = 0; i < 500; i++) {
            ids.add(UUID.randomUUID().toString());
        }

        Api.Response response = enrolRecords("lead", ids);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(fields(response)).contains("recordIds");
        assertThat(enrolledRecords()).doesNotContain(lead);

        Api.Response empty = enrolRecords("account", List.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(fields(empty)).contains("recordType", "recordIds");
    }

    @Test
    void anUnknownTimeZoneIsA400NamingTheFieldAndTheRecordKeepsItsZone() {
        String contact = fixtures.contact(SequenceFixtures.unique("zone") + "@customer.example", true);
        api.as("acme", REP, "PATCH", "/api/v1/contacts/" + contact)
                .json(Map.of("timeZone", "America/New_York"))
                .send()
                .expect(200);

        Api.Response refused = api.as("acme", REP, "PATCH", "/api/v1/contacts/" + contact)
                .json(Map.of("timeZone", "Mars/Olympus_Mons", "title", "Changed"))
                .send();

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("timeZone");
        JsonNode now = api.as("acme", REP, "GET", "/api/v1/contacts/" + contact)
                .send()
                .expect(200)
                .json();
        assertThat(now.get("timeZone").asText()).isEqualTo("America/New_York");
        assertThat(now.get("title").isNull()).isTrue();

        Api.Response lead = api.as("acme", REP, "POST", "/api/v1/leads")
                .json(Map.of("lastName", "Zoneless", "source", "api", "timeZone", "EST5EDT+1"))
                .send();
        assertThat(lead.status()).isEqualTo(400);
        assertThat(fields(lead)).containsExactly("timeZone");
    }

    private Api.Response enrolRecords(String recordType, List<String> ids) {
        return api.as("acme", REP, "POST", "/api/v1/sequences/" + sequenceId + "/enrolments/records")
                .json(Map.of("recordType", recordType, "recordIds", ids))
                .send();
    }

    private long sent(JsonNode enrolment) {
        return inTenant.call(
                "acme",
                () -> jdbc.queryForObject(
                        "SELECT count(*) FROM sequence_sends WHERE enrolment_id = ?",
                        Long.class,
                        UUID.fromString(enrolment.get("id").asText())));
    }

    private List<String> enrolledRecords() {
        return ids(
                api.as("acme", ADMIN, "GET", "/api/v1/sequences/" + sequenceId + "/enrolments?limit=200")
                        .send()
                        .expect(200)
                        .json()
                        .get("items"),
                "recordId");
    }

    private static List<String> ids(JsonNode items, String field) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.get(field).asText()));
        return ids;
    }

    private static List<String> fields(Api.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
