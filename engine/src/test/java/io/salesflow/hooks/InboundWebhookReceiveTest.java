package io.salesflow.hooks;

import static io.salesflow.hooks.InboundHooks.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Vendors' calls to {@code /hooks/{tenant}/{endpoint}}: each scheme accepts a call signed the vendor's way (signed in
 * the test with javax.crypto, not with Salesflow's code) and refuses forged, stale, repeated, oversized and misdirected
 * ones with a problem, each written down as a security event of the workspace.
 */
@IntegrationTest
class InboundWebhookReceiveTest {

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InboundEventPurge purge;

    private InboundHooks hooks;
    private String slug;
    private String secret;
    private String endpointId;

    @BeforeEach
    void standardEndpoint() {
        hooks = new InboundHooks(api);
        slug = InboundHooks.slug("form");
        JsonNode created = hooks.create(InboundHooks.leadEndpoint(slug, "standard", null));
        secret = created.get("secret").asText();
        endpointId = created.get("endpoint").get("id").asText();
    }

    private static String lead(String lastName) {
        return "{\"contact\":{\"lastName\":\"" + lastName + "\",\"company\":\"Hook GmbH\"}}";
    }

    private static void assertProblem(Api.Response response, int status, String type) {
        response.expect(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).endsWith(type);
    }

    @Test
    void aStandardWebhookSignedWithTheSecretIsWrittenAndAnswered() {
        Api.Response answer = hooks.standard(slug, secret, "msg_" + UUID.randomUUID(), lead("Standard"));

        answer.expect(200);
        String eventId = answer.json().get("eventId").asText();
        assertThat(answer.json().get("status").asText()).isEqualTo("received");
        JsonNode event = hooks.settled(endpointId, eventId);
        assertThat(event.get("keySource").asText()).isEqualTo("webhook-id");
        assertThat(event.get("status").asText()).isEqualTo("processed");
    }

    @Test
    void aForgedSignatureIsRefusedAndRecorded() {
        String id = "msg_" + UUID.randomUUID();
        long now = Instant.now().getEpochSecond();
        byte[] body = lead("Forged").getBytes(StandardCharsets.UTF_8);
        Api.Response forged = api.post("/hooks/acme/" + slug)
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(now))
                .header(
                        "webhook-signature",
                        VendorSignatures.standard(
                                "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]), id, now, body))
                .body(body, "application/json")
                .send();
        assertProblem(forged, 401, "invalid-signature");
        Api.Response unsigned =
                api.post("/hooks/acme/" + slug).body(body, "application/json").send();
        assertProblem(unsigned, 401, "invalid-signature");

        assertThat(hooks.refusals(slug))
                .anyMatch(d -> d.contains("forged webhook-signature"))
                .anyMatch(d -> d.contains("missing Standard Webhooks headers"));
        assertThat(hooks.events(endpointId)).isEmpty();
    }

    @Test
    void aStaleTimestampIsRefusedEvenWithARightSignature() {
        long sixMinutesAgo = Instant.now().minusSeconds(360).getEpochSecond();
        assertProblem(
                hooks.standard("acme", slug, secret, "msg_" + UUID.randomUUID(), sixMinutesAgo, lead("Stale")),
                401,
                "stale-timestamp");
        long sixMinutesAhead = Instant.now().plusSeconds(360).getEpochSecond();
        assertProblem(
                hooks.standard("acme", slug, secret, "msg_" + UUID.randomUUID(), sixMinutesAhead, lead("Future")),
                401,
                "stale-timestamp");

        assertThat(hooks.refusals(slug))
                .filteredOn(d -> d.contains("stale webhook-timestamp"))
                .hasSize(2);
        assertThat(hooks.events(endpointId)).isEmpty();
    }

    @Test
    void aRepeatedWebhookIdIsRefusedWithAProblemAndProcessedOnce() {
        String id = "msg_" + UUID.randomUUID();
        String first = hooks.standard(slug, secret, id, lead("Twice"))
                .expect(200)
                .json()
                .get("eventId")
                .asText();
        hooks.settled(endpointId, first);

        Api.Response again = hooks.standard(slug, secret, id, lead("Twice"));

        assertProblem(again, 409, "duplicate-event");
        assertThat(again.json().get("detail").asText()).contains(first);
        assertThat(hooks.events(endpointId)).hasSize(1);
        assertThat(hooks.refusals(slug)).anyMatch(d -> d.contains("duplicate webhook-id " + id));
        String lead = hooks.settled(endpointId, first).get("result").asText();
        assertThat(lead).startsWith("lead:");
        api.as("acme", ADMIN, "GET", "/api/v1/leads/" + lead.substring(5))
                .send()
                .expect(200);
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        String big = "{\"contact\":{\"lastName\":\"" + "x".repeat(300 * 1024) + "\"}}";
        assertProblem(hooks.standard(slug, secret, "msg_" + UUID.randomUUID(), big), 413, "payload-too-large");
        assertProblem(
                api.post("/hooks/acme/" + slug)
                        .body(big, "application/json")
                        .chunked()
                        .send(),
                413,
                "payload-too-large");

        assertThat(hooks.refusals(slug))
                .filteredOn(d -> d.contains("body over"))
                .hasSize(2);
        assertThat(hooks.events(endpointId)).isEmpty();
    }

    @Test
    void unknownEndpointsWorkspacesAndWrongWorkspacesLookTheSame() {
        String signedForAcme = lead("Misdirected");
        Api.Response unknownEndpoint =
                hooks.standard(slug + "-nope", secret, "msg_" + UUID.randomUUID(), signedForAcme);
        Api.Response unknownTenant = hooks.standard(
                "no-such-workspace",
                slug,
                secret,
                "msg_" + UUID.randomUUID(),
                Instant.now().getEpochSecond(),
                signedForAcme);
        Api.Response wrongTenant = hooks.standard(
                "globex",
                slug,
                secret,
                "msg_" + UUID.randomUUID(),
                Instant.now().getEpochSecond(),
                signedForAcme);

        for (Api.Response r : new Api.Response[] {unknownEndpoint, unknownTenant, wrongTenant}) {
            assertProblem(r, 404, "no-such-webhook");
            assertThat(r.json().get("detail").asText()).isEqualTo("No webhook endpoint answers at this address");
        }
        assertThat(hooks.refusals(slug + "-nope")).anyMatch(d -> d.contains("unknown endpoint"));
        assertThat(api.as("globex", "admin@globex.test", "GET", "/api/v1/security-events?limit=100")
                        .send()
                        .expect(200)
                        .body())
                .contains("webhook to unknown endpoint " + slug);
        assertThat(hooks.events(endpointId)).isEmpty();
    }

    @Test
    void metaAnswersTheHandshakeAndAcceptsItsSignature() {
        String metaSlug = InboundHooks.slug("meta");
        String appSecret = "meta-app-secret-" + UUID.randomUUID();
        JsonNode created = hooks.create(InboundHooks.leadEndpoint(metaSlug, "meta", appSecret));
        String verifyToken = created.get("verifyToken").asText();
        assertThat(created.get("secret").isNull()).isTrue();
        String metaId = created.get("endpoint").get("id").asText();

        Api.Response handshake = api.get("/hooks/acme/" + metaSlug + "?hub.mode=subscribe&hub.verify_token="
                        + verifyToken + "&hub.challenge=1158201444")
                .send()
                .expect(200);
        assertThat(handshake.body()).isEqualTo("1158201444");
        assertProblem(
                api.get("/hooks/acme/" + metaSlug + "?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1")
                        .send(),
                403,
                "verification-refused");

        String body = "{\"object\":\"page\",\"contact\":{\"lastName\":\"Meta\"},\"entry\":[{\"id\":\""
                + UUID.randomUUID() + "\"}]}";
        String eventId = hooks.meta(metaSlug, appSecret, body)
                .expect(200)
                .json()
                .get("eventId")
                .asText();
        JsonNode event = hooks.settled(metaId, eventId);
        assertThat(event.get("keySource").asText()).isEqualTo("body-sha256");
        assertThat(event.get("status").asText()).isEqualTo("processed");

        assertProblem(hooks.meta(metaSlug, "not-the-app-secret", body), 401, "invalid-signature");
        assertProblem(hooks.meta(metaSlug, appSecret, body), 409, "duplicate-event");
        assertThat(hooks.events(metaId)).hasSize(1);
        assertThat(hooks.refusals(metaSlug))
                .anyMatch(d -> d.contains("forged or missing X-Hub-Signature-256"))
                .anyMatch(d -> d.contains("verification handshake"))
                .anyMatch(d -> d.contains("duplicate body-sha256"));
    }

    @Test
    void twilioFormCallbacksAreCheckedAgainstTheUrlAndTheirParameters() {
        String twilioSlug = InboundHooks.slug("sms");
        String authToken = "twilio-token-" + UUID.randomUUID();
        Map<String, Object> config = InboundHooks.leadEndpoint(twilioSlug, "twilio", authToken);
        config.put("lead", Map.of("source", "other", "fields", Map.of("lastName", "/From", "phone", "/From")));
        String twilioId = hooks.create(config).get("endpoint").get("id").asText();
        Map<String, String> params =
                Map.of("From", "+4915112345678", "Body", "Call me back", "MessageSid", "SM" + UUID.randomUUID());
        String token = "idem-" + UUID.randomUUID();

        Api.Response accepted =
                hooks.twilio(twilioSlug, authToken, params, token).expect(200);
        assertThat(accepted.contentType()).startsWith("text/xml");
        assertProblem(hooks.twilio(twilioSlug, authToken, params, token), 409, "duplicate-event");
        assertProblem(hooks.twilio(twilioSlug, "not-the-token", params, null), 401, "invalid-signature");

        java.util.List<JsonNode> events = hooks.events(twilioId);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("eventKey").asText()).isEqualTo(token);
        JsonNode event = hooks.settled(twilioId, events.get(0).get("id").asText());
        assertThat(event.get("status").asText()).isEqualTo("processed");
        assertThat(hooks.refusals(twilioSlug))
                .anyMatch(d -> d.contains("forged or missing X-Twilio-Signature"))
                .anyMatch(d -> d.contains("duplicate twilio-idempotency-token"));
    }

    @Test
    void settledEventsPastTheRetentionAreRemovedAndUnprocessedOnesKept() {
        String settled = hooks.standard(slug, secret, "msg_" + UUID.randomUUID(), lead("Old"))
                .expect(200)
                .json()
                .get("eventId")
                .asText();
        hooks.settled(endpointId, settled);
        UUID waiting = UUID.randomUUID();
        inTenant.run("acme", () -> {
            jdbc.update(
                    "INSERT INTO inbound_webhook_events (id, endpoint_id, event_key, key_source, received_at, payload)"
                            + " VALUES (?, ?::uuid, ?, 'webhook-id', now(), ?)",
                    waiting,
                    endpointId,
                    "msg_" + waiting,
                    "{}".getBytes(StandardCharsets.UTF_8));
            jdbc.update(
                    "UPDATE inbound_webhook_events SET received_at = now() - interval '40 days' WHERE endpoint_id ="
                            + " ?::uuid",
                    endpointId);
        });

        purge.purge();

        assertThat(hooks.events(endpointId))
                .extracting(e -> e.get("id").asText())
                .containsExactly(waiting.toString());
    }
}
