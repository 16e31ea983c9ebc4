package io.salesflow.textmessage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.salesflow.engagement.ReplyReceived;
import io.salesflow.outbox.OutboxRelay;
import io.salesflow.process.BeanCatalogue;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.Multipart;
import io.salesflow.support.PublishedEvents;
import io.salesflow.support.TwilioPeer;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * SMS and WhatsApp end to end: the real Twilio SDK sends to a local peer answering as Twilio's Messages resource
 * documents, and Twilio's callbacks, signed by an independent HMAC-SHA1, come back to the application's public
 * URL.
 */
@IntegrationTest
class TextMessagingTest {

    static final String ACCOUNT = "AC" + "5".repeat(30) + "a1";
    static final String TOKEN = "abcdef0123456789abcdef0123456789";
    static final String FROM = "+14155550100";
    static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    static final String PUBLIC = "https://crm.example.test";

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PublishedEvents events;

    @Autowired
    OutboxRelay relay;

    WireMockServer twilio = TwilioPeer.server();

    @BeforeEach
    void twilioIsSetUp() {
        api.as("acme", "admin@acme.test", "PUT", "/api/v1/settings/twilio")
                .json(Map.of(
                        "accountSid",
                        ACCOUNT,
                        "authToken",
                        TOKEN,
                        "fromNumber",
                        FROM,
                        "whatsappFrom",
                        "whatsapp:+14155550111"))
                .send()
                .expect(200);
    }

    static String mobile() {
        return "+49151" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    String lead(String phone) {
        return api.as("acme", "rep@acme.test", "POST", "/api/v1/leads")
                .json(Map.of("lastName", "Texted", "company", "Texts " + phone, "source", "api", "phone", phone))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }

    String sid(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    /** Twilio's documented answer to creating a message. */
    void twilioAccepts(String to, String sid) {
        twilio.stubFor(post(urlEqualTo(MESSAGES))
                .withRequestBody(containing("To=" + URLEncoder.encode(to, StandardCharsets.UTF_8)))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                """
                                {"account_sid": "%s", "api_version": "2010-04-01", "body": "Hi",
                                 "date_created": "Thu, 24 Aug 2023 05:01:45 +0000", "date_sent": null,
                                 "date_updated": "Thu, 24 Aug 2023 05:01:45 +0000", "direction": "outbound-api",
                                 "error_code": null, "error_message": null, "from": "%s", "messaging_service_sid": null,
                                 "num_media": "0", "num_segments": "1", "price": null, "price_unit": null,
                                 "sid": "%s", "status": "queued", "subresource_uris": {}, "to": "%s",
                                 "uri": "/2010-04-01/Accounts/%s/Messages/%s.json"}
                                """
                                        .formatted(ACCOUNT, FROM, sid, to, ACCOUNT, sid))));
    }

    List<Map<String, String>> formsSentTo(String to) {
        return twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES))).stream()
                .map(LoggedRequest::getBodyAsString)
                .map(TextMessagingTest::form)
                .filter(f -> to.equals(f.get("To")))
                .toList();
    }

    JsonNode message(String id) {
        return api.as("acme", "rep@acme.test", "GET", "/api/v1/text-messages/" + id)
                .send()
                .expect(200)
                .json();
    }

    Api.Response callback(String tenant, String which, String query, Map<String, String> params, String signature) {
        String path = "/hooks/" + tenant + "/twilio/" + which + (query == null ? "" : "?" + query);
        Api.Call call = api.call("POST", path)
                .body(
                        params.entrySet().stream()
                                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                                .collect(Collectors.joining("&")),
                        "application/x-www-form-urlencoded");
        if (signature != null) {
            call.header("X-Twilio-Signature", signature);
        }
        return call.send();
    }

    Api.Response signed(String which, String query, Map<String, String> params) {
        String url = PUBLIC + "/hooks/acme/twilio/" + which + (query == null ? "" : "?" + query);
        return callback("acme", which, query, params, TwilioCallbackSignature.sign(TOKEN, url, params));
    }

    Map<String, String> statusParams(String sid, String status, String to) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccountSid", ACCOUNT);
        p.put("ApiVersion", "2010-04-01");
        p.put("From", FROM);
        p.put("MessageSid", sid);
        p.put("MessageStatus", status);
        p.put("SmsSid", sid);
        p.put("SmsStatus", status);
        p.put("To", to);
        return p;
    }

    Map<String, String> inboundParams(String sid, String from, String body) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccountSid", ACCOUNT);
        p.put("ApiVersion", "2010-04-01");
        p.put("Body", body);
        p.put("From", from);
        p.put("FromCountry", "DE");
        p.put("MessageSid", sid);
        p.put("NumMedia", "0");
        p.put("NumSegments", "1");
        p.put("SmsMessageSid", sid);
        p.put("SmsSid", sid);
        p.put("SmsStatus", "received");
        p.put("To", FROM);
        return p;
    }

    @Test
    void aTextToALeadLeavesThroughTwilioAndSignedCallbacksMoveItsStatusOnlyForward() {
        String phone = mobile();
        String lead = lead(phone);
        String sid = sid("SM");
        twilioAccepts(phone, sid);

        Api.Response sent = api.as("acme", "rep@acme.test", "POST", "/api/v1/text-messages")
                .json(Map.of("recordType", "lead", "recordId", lead, "channel", "sms", "body", "Hi, a quick question"))
                .send()
                .expect(202);
        String id = sent.json().get("id").asText();
        assertThat(sent.json().get("status").asText()).isEqualTo("queued");
        assertThat(sent.json().get("to").asText()).isEqualTo(phone);

        await().atMost(Duration.ofSeconds(15))
                .until(() -> sid.equals(message(id).path("messageSid").asText()));
        assertThat(formsSentTo(phone)).singleElement().satisfies(form -> assertThat(form)
                .containsEntry("From", FROM)
                .containsEntry("Body", "Hi, a quick question")
                .containsEntry("StatusCallback", PUBLIC + "/hooks/acme/twilio/status?message=" + id));

        String query = "message=" + id;
        signed("status", query, statusParams(sid, "delivered", phone)).expect(204);
        assertThat(message(id).get("status").asText()).isEqualTo("delivered");
        // Out of order: 'sent' after 'delivered' changes nothing.
        signed("status", query, statusParams(sid, "sent", phone)).expect(204);
        assertThat(message(id).get("status").asText()).isEqualTo("delivered");
        // Found by the MessageSid alone too.
        signed("status", null, statusParams(sid, "read", phone)).expect(204);
        assertThat(message(id).get("status").asText()).isEqualTo("read");

        JsonNode timeline = api.as("acme", "rep@acme.test", "GET", "/api/v1/leads/" + lead + "/timeline")
                .send()
                .expect(200)
                .json();
        assertThat(timeline.toString()).contains("\"kind\":\"text_message\"").contains("Hi, a quick question");
        JsonNode listed = api.as(
                        "acme", "rep@acme.test", "GET", "/api/v1/text-messages?recordType=lead&recordId=" + lead)
                .send()
                .expect(200)
                .json();
        assertThat(listed.get("items"))
                .singleElement()
                .satisfies(m -> assertThat(m.get("id").asText()).isEqualTo(id));
    }

    @Test
    void forgedOrMissingSignaturesAreRefusedAsSecurityEventsAndChangeNothing() {
        String phone = mobile();
        String lead = lead(phone);
        String sid = sid("SM");
        twilioAccepts(phone, sid);
        String id = api.as("acme", "rep@acme.test", "POST", "/api/v1/text-messages")
                .json(Map.of("recordType", "lead", "recordId", lead, "channel", "sms", "body", "Hello"))
                .send()
                .expect(202)
                .json()
                .get("id")
                .asText();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> sid.equals(message(id).path("messageSid").asText()));
        Map<String, String> params = statusParams(sid, "failed", phone);

        String wrongKey =
                TwilioCallbackSignature.sign("another-token-0123456789", PUBLIC + "/hooks/acme/twilio/status", params);
        Api.Response forged = callback("acme", "status", null, params, wrongKey);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        // Signed over the test server's own URL rather than the public one Twilio calls: refused too.
        String ownUrl = TwilioCallbackSignature.sign(TOKEN, api.base() + "/hooks/acme/twilio/status", params);
        assertThat(callback("acme", "status", null, params, ownUrl).status()).isEqualTo(403);
        assertThat(callback("acme", "status", null, params, null).status()).isEqualTo(403);
        // Signed correctly, but one parameter changed after signing.
        Map<String, String> tampered = new HashMap<>(params);
        String good = TwilioCallbackSignature.sign(TOKEN, PUBLIC + "/hooks/acme/twilio/status", params);
        tampered.put("MessageStatus", "delivered");
        assertThat(callback("acme", "status", null, tampered, good).status()).isEqualTo(403);
        // Another workspace's callback URL with acme's signature.
        assertThat(callback("globex", "status", null, params, good).status()).isEqualTo(403);
        assertThat(callback("no-such-workspace", "status", null, params, good).status())
                .isEqualTo(404);

        assertThat(message(id).get("status").asText()).isEqualTo("queued");
        Integer rejected = inTenant.call(
                "acme",
                () -> jdbc.queryForObject(
                        "SELECT count(*) FROM security_events WHERE event_type = 'CALLBACK_REJECTED'"
                                + " AND detail LIKE 'Twilio status callback refused%'",
                        Integer.class));
        assertThat(rejected).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aWhatsAppTemplateGoesFromTheWhatsAppSenderWithItsContentSidAndVariables() {
        String phone = mobile();
        String lead = lead(phone);
        String sid = sid("MM");
        twilioAccepts("whatsapp:" + phone, sid);
        String content = "HX" + "0123456789abcdef".repeat(2);

        String id = api.as("acme", "rep@acme.test", "POST", "/api/v1/text-messages")
                .json(Map.of(
                        "recordType",
                        "lead",
                        "recordId",
                        lead,
                        "channel",
                        "whatsapp",
                        "contentSid",
                        content,
                        "contentVariables",
                        Map.of("1", "Ada", "2", "Friday")))
                .send()
                .expect(202)
                .json()
                .get("id")
                .asText();

        await().atMost(Duration.ofSeconds(15))
                .until(() -> sid.equals(message(id).path("messageSid").asText()));
        assertThat(formsSentTo("whatsapp:" + phone)).singleElement().satisfies(form -> {
            assertThat(form)
                    .containsEntry("From", "whatsapp:+14155550111")
                    .containsEntry("ContentSid", content)
                    .doesNotContainKey("Body");
            assertThat(form.get("ContentVariables")).contains("\"1\":\"Ada\"").contains("\"2\":\"Friday\"");
        });
        assertThat(message(id).get("channel").asText()).isEqualTo("whatsapp");
    }

    @Test
    void twiliosRefusalEndsTheMessageFailedWithTwiliosErrorCodeWithoutRetrying() {
        String phone = mobile();
        String lead = lead(phone);
        twilio.stubFor(post(urlEqualTo(MESSAGES))
                .withRequestBody(containing("To=" + URLEncoder.encode(phone, StandardCharsets.UTF_8)))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 21211, \"message\": \"The 'To' number " + phone
                                + " is not a valid phone number.\", \"more_info\":"
                                + " \"https://www.twilio.com/docs/errors/21211\", \"status\": 400}")));

        String id = api.as("acme", "rep@acme.test", "POST", "/api/v1/text-messages")
                .json(Map.of("recordType", "lead", "recordId", lead, "channel", "sms", "body", "Hello"))
                .send()
                .expect(202)
                .json()
                .get("id")
                .asText();

        await().atMost(Duration.ofSeconds(15))
                .until(() -> "failed".equals(message(id).get("status").asText()));
        JsonNode failed = message(id);
        assertThat(failed.get("errorCode").asInt()).isEqualTo(21211);
        assertThat(failed.get("errorMessage").asText()).contains("not a valid phone number");
        assertThat(formsSentTo(phone)).hasSize(1);
        // The lead's owner is told, on the lead, that the message never went out.
        await().atMost(Duration.ofSeconds(15)).until(() -> !alertsOn(lead).isEmpty());
        assertThat(alertsOn(lead)).singleElement().satisfies(task -> {
            assertThat(task.get("subject")).isEqualTo("Text message to " + phone + " not delivered");
            assertThat((String) task.get("description")).contains("21211");
            assertThat(task.get("priority")).isEqualTo("high");
        });
    }

    @Test
    void aMessageTwilioReportsUndeliveredBecomesATaskForTheLeadsOwner() {
        String phone = mobile();
        String lead = lead(phone);
        String sid = sid("SM");
        twilioAccepts(phone, sid);
        String id = api.as("acme", "rep@acme.test", "POST", "/api/v1/text-messages")
                .json(Map.of("recordType", "lead", "recordId", lead, "channel", "sms", "body", "Are you there?"))
                .send()
                .expect(202)
                .json()
                .get("id")
                .asText();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> sid.equals(message(id).path("messageSid").asText()));

        Map<String, String> undelivered = new java.util.HashMap<>(statusParams(sid, "undelivered", phone));
        undelivered.put("ErrorCode", "30003");
        signed("status", "message=" + id, undelivered).expect(204);

        assertThat(message(id).get("status").asText()).isEqualTo("undelivered");
        await().atMost(Duration.ofSeconds(15)).until(() -> !alertsOn(lead).isEmpty());
        assertThat(alertsOn(lead)).singleElement().satisfies(task -> assertThat((String) task.get("description"))
                .contains("undelivered")
                .contains("30003"));
    }

    /** The alert tasks raised on the lead: subject, description and priority. */
    private List<Map<String, Object>> alertsOn(String lead) {
        return inTenant.call(
                "acme",
                () -> jdbc.queryForList(
                        "SELECT subject, description, priority FROM activities WHERE lead_id = ? AND type = 'task'"
                                + " AND subject LIKE '%not delivered'",
                        UUID.fromString(lead)));
    }

    @Test
    void aTwilioOutageKeepsTheMessageQueuedAndTheOutboxSendsItWhenTwilioIsBack() {
        String phone = mobile();
        String lead = lead(phone);
        twilio.stubFor(post(urlEqualTo(MESSAGES))
                .withRequestBody(containing("To=" + URLEncoder.encode(phone, StandardCharsets.UTF_8)))
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20503, \"message\": \"Service Unavailable\", \"more_info\":"
                                + " \"https://www.twilio.com/docs/errors/20503\", \"status\": 503}")));

        String id = api.as("acme", "rep@acme.test", "POST", "/api/v1/text-messages")
                .json(Map.of("recordType", "lead", "recordId", lead, "channel", "sms", "body", "Are you there?"))
                .send()
                .expect(202)
                .json()
                .get("id")
                .asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> formsSentTo(phone).size() == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(outboxRow(id))
                .containsEntry("status", "PENDING")
                .hasEntrySatisfying("last_error", e -> assertThat((String) e).contains("503")));
        assertThat(message(id).get("status").asText()).isEqualTo("queued");

        String sid = sid("SM");
        twilioAccepts(phone, sid);
        // The outbox's next attempt comes 5 s after the first one failed.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> sid.equals(message(id).path("messageSid").asText()));
        assertThat(formsSentTo(phone)).hasSize(2);
        assertThat(outboxRow(id)).containsEntry("status", "DELIVERED").containsEntry("message_key", id);
    }

    Map<String, Object> outboxRow(String messageId) {
        return inTenant.call(
                "acme",
                () -> jdbc.queryForMap(
                        "SELECT status, attempts, message_key, last_error FROM outbox_messages"
                                + " WHERE channel = 'sms' AND subject_id = ?::uuid",
                        messageId));
    }

    @Test
    void aReplyLandsOnTheLeadsTimelineOnceAndStopOptsTheNumberOutUntilStart() {
        String phone = mobile();
        String lead = lead(phone);
        String replySid = sid("SM");

        Api.Response answer = signed("inbound", null, inboundParams(replySid, phone, "Yes, call me tomorrow"));
        answer.expect(200);
        assertThat(answer.contentType()).startsWith("text/xml");
        assertThat(answer.body()).contains("<Response/>");
        signed("inbound", null, inboundParams(replySid, phone, "Yes, call me tomorrow"))
                .expect(200);

        JsonNode listed = api.as(
                        "acme", "rep@acme.test", "GET", "/api/v1/text-messages?recordType=lead&recordId=" + lead)
                .send()
                .expect(200)
                .json();
        assertThat(listed.get("items")).singleElement().satisfies(m -> {
            assertThat(m.get("direction").asText()).isEqualTo("inbound");
            assertThat(m.get("status").asText()).isEqualTo("received");
            assertThat(m.get("body").asText()).isEqualTo("Yes, call me tomorrow");
        });
        assertThat(events.of(ReplyReceived.class)
                        .filter(e -> e.recordId().toString().equals(lead)))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.channel()).isEqualTo("sms");
                    assertThat(e.recordType()).isEqualTo("lead");
                });

        signed("inbound", null, inboundParams(sid("SM"), phone, "STOP")).expect(200);
        Api.Response refused = api.as("acme", "rep@acme.test", "POST", "/api/v1/text-messages")
                .json(Map.of("recordType", "lead", "recordId", lead, "channel", "sms", "body", "Still there?"))
                .send();
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).endsWith("opted-out");
        assertThat(api.as("acme", "admin@acme.test", "GET", "/api/v1/text-opt-outs?limit=200")
                        .send()
                        .expect(200)
                        .json()
                        .toString())
                .contains(phone);
        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/text-opt-outs")
                        .send()
                        .status())
                .isEqualTo(403);

        signed("inbound", null, inboundParams(sid("SM"), phone, "start")).expect(200);
        twilioAccepts(phone, sid("SM"));
        api.as("acme", "rep@acme.test", "POST", "/api/v1/text-messages")
                .json(Map.of("recordType", "lead", "recordId", lead, "channel", "sms", "body", "Welcome back"))
                .send()
                .expect(202);
    }

    @Test
    void aQueuedMessageWhoseNumberOptedOutMeanwhileIsNeverSent() {
        String phone = mobile();
        String lead = lead(phone);
        twilioAccepts(phone, sid("SM"));
        relay.stop();
        String id;
        try {
            id = api.as("acme", "rep@acme.test", "POST", "/api/v1/text-messages")
                    .json(Map.of("recordType", "lead", "recordId", lead, "channel", "sms", "body", "Offer inside"))
                    .send()
                    .expect(202)
                    .json()
                    .get("id")
                    .asText();
            signed("inbound", null, inboundParams(sid("SM"), phone, "Unsubscribe"))
                    .expect(200);
        } finally {
            relay.start();
        }
        relay.relayDue();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> "opted_out".equals(message(id).get("status").asText()));
        assertThat(formsSentTo(phone)).isEmpty();
    }

    @Test
    void anInboundMessageFindsAContactByItsNumber() {
        String phone = mobile();
        String contact = api.as("acme", "rep@acme.test", "POST", "/api/v1/contacts")
                .json(Map.of("lastName", "Texting contact", "phone", phone))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        signed("inbound", null, inboundParams(sid("SM"), "whatsapp:" + phone, "Hola"))
                .expect(200);

        JsonNode listed = api.as(
                        "acme", "rep@acme.test", "GET", "/api/v1/text-messages?recordType=contact&recordId=" + contact)
                .send()
                .expect(200)
                .json();
        assertThat(listed.get("items")).singleElement().satisfies(m -> {
            assertThat(m.get("channel").asText()).isEqualTo("whatsapp");
            assertThat(m.get("from").asText()).isEqualTo(phone);
        });
    }

    @Test
    void badInputIsAProblemPerFieldAndOtherWorkspacesSeeNothing() {
        Api.Response bad = api.as("acme", "rep@acme.test", "POST", "/api/v1/text-messages")
                .json(Map.of(
                        "recordType", "deal", "recordId", "nope", "channel", "fax", "contentSid", "HX1", "extra", 1))
                .send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsText("field"))
                .contains("recordType", "recordId", "channel", "contentSid", "extra");

        String lead = lead(mobile());
        Api.Response smsWithoutBody = api.as("acme", "rep@acme.test", "POST", "/api/v1/text-messages")
                .json(Map.of("recordType", "lead", "recordId", lead, "channel", "sms"))
                .send();
        assertThat(smsWithoutBody.status()).isEqualTo(400);
        assertThat(smsWithoutBody.json().get("errors").findValuesAsText("field"))
                .contains("body");

        String noPhone = api.as("acme", "rep@acme.test", "POST", "/api/v1/leads")
                .json(Map.of("lastName", "Silent", "company", "No phone " + UUID.randomUUID(), "source", "api"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        Api.Response unreachable = api.as("acme", "rep@acme.test", "POST", "/api/v1/text-messages")
                .json(Map.of("recordType", "lead", "recordId", noPhone, "channel", "sms", "body", "Hi"))
                .send();
        assertThat(unreachable.status()).isEqualTo(422);
        assertThat(unreachable.json().get("errors").findValuesAsText("field")).contains("recordId");

        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/text-messages?recordType=deal")
                        .send()
                        .json()
                        .get("errors")
                        .findValuesAsText("field"))
                .contains("recordType", "recordId");

        String phone = mobile();
        String texted = lead(phone);
        twilioAccepts(phone, sid("SM"));
        String id = api.as("acme", "rep@acme.test", "POST", "/api/v1/text-messages")
                .json(Map.of("recordType", "lead", "recordId", texted, "channel", "sms", "body", "Private"))
                .send()
                .expect(202)
                .json()
                .get("id")
                .asText();
        assertThat(api.as("globex", "admin@globex.test", "GET", "/api/v1/text-messages/" + id)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.as(
                                "globex",
                                "admin@globex.test",
                                "GET",
                                "/api/v1/text-messages?recordType=lead&recordId=" + texted)
                        .send()
                        .status())
                .isEqualTo(404);
        Api.Response globexSend = api.as("globex", "admin@globex.test", "POST", "/api/v1/text-messages")
                .json(Map.of("recordType", "lead", "recordId", texted, "channel", "sms", "body", "Hi"))
                .send();
        assertThat(globexSend.status()).isEqualTo(404);
    }

    @Test
    void aRepeatedSendWithTheSameIdempotencyKeyQueuesOneMessage() {
        String phone = mobile();
        String lead = lead(phone);
        twilioAccepts(phone, sid("SM"));
        String key = UUID.randomUUID().toString();
        Map<String, String> body = Map.of("recordType", "lead", "recordId", lead, "channel", "sms", "body", "Once");
        String first = api.as("acme", "rep@acme.test", "POST", "/api/v1/text-messages")
                .header("Idempotency-Key", key)
                .json(body)
                .send()
                .expect(202)
                .json()
                .get("id")
                .asText();
        String again = api.as("acme", "rep@acme.test", "POST", "/api/v1/text-messages")
                .header("Idempotency-Key", key)
                .json(body)
                .send()
                .expect(202)
                .json()
                .get("id")
                .asText();
        assertThat(again).isEqualTo(first);
        Integer rows = inTenant.call(
                "acme",
                () -> jdbc.queryForObject(
                        "SELECT count(*) FROM text_messages WHERE record_id = ?::uuid", Integer.class, lead));
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void theSendSmsElementTemplatesBeanTextsTheProcesssLeadAndSkipsANumberThatOptedOut(
            @Autowired RuntimeService runtime, @Autowired BeanCatalogue catalogue) throws Exception {
        for (String template : List.of("send-sms.json", "send-whatsapp.json")) {
            JsonNode json;
            try (var in = getClass().getResourceAsStream("/element-templates/" + template)) {
                json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
            }
            String expression = json.get("properties").get(0).get("value").asText();
            assertThat(json.get("properties").get(0).get("binding").get("name").asText())
                    .isEqualTo("camunda:delegateExpression");
            assertThat(catalogue.names()).contains(expression.substring(2, expression.length() - 1));
        }
        String key = "texting-" + UUID.randomUUID().toString().substring(0, 8);
        String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(30)
                .startEvent()
                .serviceTask("Task_Sms")
                .camundaDelegateExpression("${sendSms}")
                .camundaInputParameter("body", "Hello from the process")
                .userTask("Task_Wait")
                .endEvent()
                .done());
        api.as("acme", "ops@acme.test", "POST", "/api/v1/deployments")
                .multipart(new Multipart()
                        .file("file", key + ".bpmn", "application/xml", bpmn.getBytes(StandardCharsets.UTF_8)))
                .send()
                .expect(201);

        String phone = mobile();
        String lead = lead(phone);
        String sid = sid("SM");
        twilioAccepts(phone, sid);
        String instance = inTenant.call("acme", () -> runtime.createProcessInstanceByKey(key)
                .processDefinitionTenantId("acme")
                .businessKey("lead:" + lead)
                .execute()
                .getId());
        String id = (String) runtime.getVariable(instance, "textMessageId");
        assertThat(runtime.getVariable(instance, "textMessageStatus")).isEqualTo("queued");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> sid.equals(message(id).path("messageSid").asText()));
        assertThat(formsSentTo(phone)).singleElement().satisfies(f -> assertThat(f)
                .containsEntry("Body", "Hello from the process"));
        assertThat(message(id).get("sentBy").isNull()).isTrue();

        String stopped = mobile();
        String stoppedLead = lead(stopped);
        signed("inbound", null, inboundParams(sid("SM"), stopped, "STOP")).expect(200);
        String second = inTenant.call("acme", () -> runtime.createProcessInstanceByKey(key)
                .processDefinitionTenantId("acme")
                .businessKey("lead:" + stoppedLead)
                .execute()
                .getId());
        assertThat(runtime.getVariable(second, "textMessageStatus")).isEqualTo("opted_out");
        assertThat(runtime.getVariable(second, "textMessageId")).isNull();
        assertThat(formsSentTo(stopped)).isEmpty();
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
