package io.salesflow.sequence;

import static io.salesflow.sequence.SequenceFixtures.ADMIN;
import static io.salesflow.sequence.SequenceFixtures.REP;
import static io.salesflow.sequence.SequenceFixtures.emailStep;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bad input to sequences answers a problem that says what is wrong, field by field, and leaves nothing behind: a step
 * naming a missing template, enrolling a record twice or into a second sequence of the mailbox, enrolling a
 * suppressed or unconsenting contact, a stale If-Match.
 */
@IntegrationTest
class SequenceBadInputTest {

    @Autowired
    Api api;

    private SequenceFixtures fixtures;
    private String rep;

    @BeforeEach
    void fixtures() {
        fixtures = new SequenceFixtures(api);
        rep = fixtures.userId(REP);
    }

    @Test
    void aStepNamingAMissingTemplateIsA422NamingTheStepsFieldAndNothingIsSaved() {
        String template = fixtures.template("Fine");
        Map<String, Object> body = SequenceFixtures.sequence(
                rep,
                null,
                List.of(
                        emailStep(template),
                        emailStep(template, UUID.randomUUID().toString())));
        String name = (String) body.get("name");

        Api.Response response =
                api.as("acme", ADMIN, "POST", "/api/v1/sequences").json(body).send();

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).endsWith("unknown-reference");
        assertThat(fieldErrors(response)).containsExactly("steps[1].variants[1].emailTemplateId");
        assertThat(names()).doesNotContain(name);
    }

    @Test
    void shapeErrorsAreA400WithEveryFieldNamed() {
        Map<String, Object> body = new HashMap<>(SequenceFixtures.sequence(
                UUID.randomUUID().toString(),
                null,
                List.of(
                        Map.of("kind", "fax", "waitFor", "P1D"),
                        Map.of("kind", "task", "waitFor", "P1W"),
                        Map.of("kind", "email", "waitFor", "P1D", "variants", List.of()))));
        body.put("name", " ");

        Api.Response response =
                api.as("acme", ADMIN, "POST", "/api/v1/sequences").json(body).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(fieldErrors(response))
                .contains(
                        "name",
                        "senderId",
                        "steps[0].kind",
                        "steps[1].waitFor",
                        "steps[1].taskName",
                        "steps[2].variants");
    }

    @Test
    void enrollingTwiceOrIntoASecondSequenceOfTheMailboxIsAConflictAndTheFirstEnrolmentStays() {
        String template = fixtures.template("Hello");
        String first = fixtures.createSequence(SequenceFixtures.sequence(rep, null, List.of(emailStep(template))))
                .get("id")
                .asText();
        String second = fixtures.createSequence(SequenceFixtures.sequence(rep, null, List.of(emailStep(template))))
                .get("id")
                .asText();
        String lead = fixtures.lead(SequenceFixtures.unique("twice") + "@customer.example");

        fixtures.enrol(first, "lead", lead).expect(201);
        Api.Response again = fixtures.enrol(first, "lead", lead);
        Api.Response elsewhere = fixtures.enrol(second, "lead", lead);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).endsWith("already-enrolled");
        assertThat(elsewhere.status()).isEqualTo(409);
        assertThat(elsewhere.json().get("type").asText()).endsWith("in-another-sequence");
        assertThat(enrolments(first)).hasSize(1);
        assertThat(enrolments(second)).isEmpty();
    }

    @Test
    void aSuppressedOrUnconsentingContactIsRefusedWithTheReasonAndNotEnrolled() {
        String template = fixtures.template("Hello");
        String sequence = fixtures.createSequence(SequenceFixtures.sequence(rep, null, List.of(emailStep(template))))
                .get("id")
                .asText();
        String address = SequenceFixtures.unique("suppressed") + "@customer.example";
        api.as("acme", ADMIN, "POST", "/api/v1/email-suppressions")
                .json(Map.of("address", address))
                .send()
                .expect(201);
        String suppressed = fixtures.contact(address, true);
        String unconsenting = fixtures.contact(SequenceFixtures.unique("no-consent") + "@customer.example", false);

        Api.Response refused = fixtures.enrol(sequence, "contact", suppressed);
        Api.Response noConsent = fixtures.enrol(sequence, "contact", unconsenting);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asText()).endsWith("suppressed");
        assertThat(refused.json().get("detail").asText()).contains(address);
        assertThat(noConsent.status()).isEqualTo(422);
        assertThat(noConsent.json().get("type").asText()).endsWith("no-consent");
        assertThat(enrolments(sequence)).isEmpty();
    }

    @Test
    void aChangeWithAStaleETagIsRefusedAndTheSequenceKeepsItsSteps() {
        String template = fixtures.template("Hello");
        Map<String, Object> body = SequenceFixtures.sequence(rep, null, List.of(emailStep(template)));
        JsonNode created = fixtures.createSequence(body);
        String id = created.get("id").asText();
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(
                "steps", List.of(emailStep(template), Map.of("kind", "task", "waitFor", "P1D", "taskName", "Call")));
        api.as("acme", ADMIN, "PUT", "/api/v1/sequences/" + id)
                .header("If-Match", "\"1\"")
                .json(changed)
                .send()
                .expect(200);

        Api.Response stale = api.as("acme", ADMIN, "PUT", "/api/v1/sequences/" + id)
                .header("If-Match", "\"1\"")
                .json(body)
                .send();

        assertThat(stale.status()).isEqualTo(412);
        JsonNode now = api.as("acme", ADMIN, "GET", "/api/v1/sequences/" + id)
                .send()
                .expect(200)
                .json();
        assertThat(now.get("steps")).hasSize(2);
        assertThat(now.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void aRepMayNotChangeSequences() {
        Api.Response response = api.as("acme", REP, "POST", "/api/v1/sequences")
                .json(SequenceFixtures.sequence(rep, null, List.of()))
                .send();
        assertThat(response.status()).isEqualTo(403);
    }

    private static List<String> fieldErrors(Api.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.as(
                            "acme",
                            ADMIN,
                            "GET",
                            "/api/v1/sequences?limit=200" + (cursor == null ? "" : "&cursor=" + cursor))
                    .send()
                    .expect(200)
                    .json();
            page.get("items").forEach(s -> names.add(s.get("name").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return names;
    }

    private List<JsonNode> enrolments(String sequence) {
        List<JsonNode> items = new ArrayList<>();
        api.as("acme", ADMIN, "GET", "/api/v1/sequences/" + sequence + "/enrolments")
                .send()
                .expect(200)
                .json()
                .get("items")
                .forEach(items::add);
        return items;
    }
}
