package io.salesflow.sequence;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;

/** What the sequence tests make through the API, each with names no other test uses, and timers run by hand. */
final class SequenceFixtures {

    static final String ADMIN = "admin@acme.test";
    static final String REP = "rep@acme.test";

    private final Api api;

    SequenceFixtures(Api api) {
        this.api = api;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String userId(String email) {
        return api.as("acme", email, "GET", "/api/v1/me")
                .send()
                .expect(200)
                .json()
                .get("id")
                .asText();
    }

    String template(String subject) {
        return api.as("acme", ADMIN, "POST", "/api/v1/email-templates")
                .json(Map.of(
                        "name", unique("Sequence template"), "subject", subject, "text", "Hello {{record.firstName}}"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    static Map<String, Object> emailStep(String... templates) {
        return Map.of(
                "kind",
                "email",
                "waitFor",
                "P1D",
                "variants",
                java.util.Arrays.stream(templates)
                        .map(t -> Map.of("emailTemplateId", t, "weight", 1))
                        .toList());
    }

    static Map<String, Object> sequence(String sender, String mailbox, List<Map<String, Object>> steps) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", unique("Sequence"));
        body.put("senderId", sender);
        body.put("mailboxId", mailbox);
        body.put("allowConcurrent", false);
        body.put("stopRules", Map.of("reply", true, "bounce", true, "unsubscribe", true, "meeting", true));
        body.put("steps", steps);
        return body;
    }

    JsonNode createSequence(Map<String, Object> body) {
        return api.as("acme", ADMIN, "POST", "/api/v1/sequences")
                .json(body)
                .send()
                .expect(201)
                .json();
    }

    String lead(String email) {
        return api.as("acme", REP, "POST", "/api/v1/leads")
                .json(Map.of("firstName", "Dana", "lastName", unique("Buyer"), "source", "api", "email", email))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    String contact(String email, boolean emailOptIn) {
        return api.as("acme", REP, "POST", "/api/v1/contacts")
                .json(Map.of(
                        "firstName", "Casey", "lastName", unique("Buyer"), "email", email, "emailOptIn", emailOptIn))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    Api.Response enrol(String sequence, String recordType, String recordId) {
        return api.as("acme", REP, "POST", "/api/v1/sequences/" + sequence + "/enrolments")
                .json(Map.of("recordType", recordType, "recordId", recordId))
                .send();
    }

    JsonNode enrolment(String sequence, String enrolment) {
        return api.as("acme", ADMIN, "GET", "/api/v1/sequences/" + sequence + "/enrolments/" + enrolment)
                .send()
                .expect(200)
                .json();
    }

    /** Runs the process's timer at {@code activityId} now, if it waits there (the job executor is off in tests). */
    static boolean runTimer(ManagementService management, String instance, String activityId) {
        var jobs = management
                .createJobQuery()
                .processInstanceId(instance)
                .activityId(activityId)
                .timers()
                .list();
        jobs.forEach(job -> management.executeJob(job.getId()));
        return !jobs.isEmpty();
    }
}
