package io.salesflow.connectors.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Twilio SDK against a local peer answering as Twilio's Messages resource documents. */
class TwilioMessagesTest {

    static final String ACCOUNT = "AC" + "0".repeat(30) + "1";
    static final String PATH = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    static WireMockServer twilio;
    TwilioMessages messages;

    @BeforeAll
    static void start() {
        twilio = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        twilio.start();
    }

    @AfterAll
    static void stop() {
        twilio.stop();
    }

    @BeforeEach
    void setUp() {
        twilio.resetAll();
        messages = new TwilioMessages(new TwilioProperties(
                URI.create(twilio.baseUrl()),
                URI.create("https://crm.example.test"),
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                50,
                10,
                Duration.ofSeconds(30)));
    }

    static String created(String sid, String status) {
        return """
                {"account_sid": "%s", "api_version": "2010-04-01", "body": "Hello", "date_created": "Thu, 24 Aug 2023 05:01:45 +0000",
                 "date_sent": null, "date_updated": "Thu, 24 Aug 2023 05:01:45 +0000", "direction": "outbound-api",
                 "error_code": null, "error_message": null, "from": "+14155552345", "messaging_service_sid": null,
                 "num_media": "0", "num_segments": "1", "price": null, "price_unit": null, "sid": "%s", "status": "%s",
                 "subresource_uris": {"media": "/2010-04-01/Accounts/%s/Messages/%s/Media.json"}, "to": "+14155552345",
                 "uri": "/2010-04-01/Accounts/%s/Messages/%s.json"}
                """
                .formatted(ACCOUNT, sid, status, ACCOUNT, sid, ACCOUNT, sid);
    }

    @Test
    void anSmsIsPostedAsTheDocumentedFormWithBasicAuthAndItsSidComesBack() {
        twilio.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(created("SM" + "a".repeat(32), "queued"))));

        TextMessageResult result = messages.send(new TextMessageRequest(
                ACCOUNT,
                "token-1",
                "+4915112345678",
                "+14155550100",
                null,
                "Hello",
                null,
                null,
                "https://crm.example.test/hooks/acme/twilio/status"));

        assertThat(result.kind()).isEqualTo(TextMessageResult.Kind.ACCEPTED);
        assertThat(result.sid()).isEqualTo("SM" + "a".repeat(32));
        assertThat(result.status()).isEqualTo("queued");
        twilio.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader(
                        "Authorization",
                        equalTo("Basic "
                                + Base64.getEncoder()
                                        .encodeToString((ACCOUNT + ":token-1").getBytes(StandardCharsets.UTF_8))))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded")));
        Map<String, String> form =
                form(twilio.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(form)
                .containsEntry("To", "+4915112345678")
                .containsEntry("From", "+14155550100")
                .containsEntry("Body", "Hello")
                .containsEntry("StatusCallback", "https://crm.example.test/hooks/acme/twilio/status");
    }

    @Test
    void aWhatsAppTemplateGoesThroughTheMessagingServiceWithItsContentSidAndVariables() {
        twilio.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(created("MM" + "b".repeat(32), "accepted"))));

        TextMessageResult result = messages.send(new TextMessageRequest(
                ACCOUNT,
                "token-1",
                "whatsapp:+4915112345678",
                null,
                "MG" + "c".repeat(32),
                null,
                "HX" + "d".repeat(32),
                "{\"1\":\"Ada\"}",
                null));

        assertThat(result.kind()).isEqualTo(TextMessageResult.Kind.ACCEPTED);
        Map<String, String> form =
                form(twilio.getAllServeEvents().get(0).getRequest().getBodyAsString());
        assertThat(form)
                .containsEntry("To", "whatsapp:+4915112345678")
                .containsEntry("MessagingServiceSid", "MG" + "c".repeat(32))
                .containsEntry("ContentSid", "HX" + "d".repeat(32))
                .containsEntry("ContentVariables", "{\"1\":\"Ada\"}")
                .doesNotContainKeys("Body", "From");
    }

    @Test
    void twiliosDocumentedErrorIsARefusalWithItsCode() {
        twilio.stubFor(
                post(urlEqualTo(PATH))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"code\": 21211, \"message\": \"The 'To' number +1555 is not a valid phone number.\","
                                                        + " \"more_info\": \"https://www.twilio.com/docs/errors/21211\", \"status\": 400}")));

        TextMessageResult result = messages.send(
                new TextMessageRequest(ACCOUNT, "t", "+1555", "+14155550100", null, "Hi", null, null, null));

        assertThat(result.kind()).isEqualTo(TextMessageResult.Kind.REJECTED);
        assertThat(result.errorCode()).isEqualTo(21211);
        assertThat(result.detail()).contains("not a valid phone number");
    }

    @Test
    void tooManyRequestsIsARateLimitAndAServerErrorIsThrownForTheCircuitBreaker() {
        twilio.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20429, \"message\": \"Too Many Requests\", \"more_info\":"
                                + " \"https://www.twilio.com/docs/errors/20429\", \"status\": 429}")));
        TextMessageRequest request =
                new TextMessageRequest(ACCOUNT, "t", "+4915112345678", "+14155550100", null, "Hi", null, null, null);
        assertThat(messages.send(request).kind()).isEqualTo(TextMessageResult.Kind.RATE_LIMITED);

        twilio.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20503, \"message\": \"Service Unavailable\", \"more_info\":"
                                + " \"https://www.twilio.com/docs/errors/20503\", \"status\": 503}")));
        assertThatThrownBy(() -> messages.send(request)).isInstanceOf(TwilioMessages.TwilioUnavailable.class);
        // One attempt each: the SDK's own retry loop is off, the outbox retries.
        assertThat(twilio.getAllServeEvents()).hasSize(2);
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
