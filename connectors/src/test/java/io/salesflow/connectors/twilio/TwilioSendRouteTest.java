package io.salesflow.connectors.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code twilio-send} route: Twilio's failures open its circuit, and an open circuit does not call Twilio. */
class TwilioSendRouteTest {

    static final String PATH = "/2010-04-01/Accounts/" + TwilioMessagesTest.ACCOUNT + "/Messages.json";

    WireMockServer twilio;
    CamelContext camel;
    TwilioSender sender;

    @BeforeEach
    void start() throws Exception {
        twilio = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        twilio.start();
        TwilioProperties properties = new TwilioProperties(
                URI.create(twilio.baseUrl()),
                URI.create("https://crm.example.test"),
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                50,
                4,
                Duration.ofMinutes(5));
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("twilioMessages", new TwilioMessages(properties));
        camel.addRoutes(new TwilioRoutes(properties));
        camel.start();
        ProducerTemplate producer = camel.createProducerTemplate();
        sender = new TwilioSender(producer);
    }

    @AfterEach
    void stop() {
        camel.stop();
        twilio.stop();
    }

    TextMessageRequest request() {
        return new TextMessageRequest(
                TwilioMessagesTest.ACCOUNT, "t", "+4915112345678", "+14155550100", null, "Hi", null, null, null);
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndSendsThenWaitWithoutCallingTwilio() {
        twilio.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20500, \"message\": \"Internal Server Error\", \"more_info\":"
                                + " \"https://www.twilio.com/docs/errors/20500\", \"status\": 500}")));

        for (int i = 0; i < 4; i++) {
            TextMessageResult result = sender.send(request());
            assertThat(result.kind()).isEqualTo(TextMessageResult.Kind.UNAVAILABLE);
            assertThat(result.detail()).contains("500");
        }
        assertThat(twilio.getAllServeEvents()).hasSize(4);

        TextMessageResult shortCircuited = sender.send(request());
        assertThat(shortCircuited.kind()).isEqualTo(TextMessageResult.Kind.UNAVAILABLE);
        assertThat(twilio.getAllServeEvents()).hasSize(4);
    }

    @Test
    void refusalsAreAnswersThatNeverOpenTheCircuit() {
        twilio.stubFor(post(urlEqualTo(PATH))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 21211, \"message\": \"The 'To' number is not a valid phone number.\","
                                + " \"more_info\": \"https://www.twilio.com/docs/errors/21211\", \"status\": 400}")));

        for (int i = 0; i < 6; i++) {
            assertThat(sender.send(request()).kind()).isEqualTo(TextMessageResult.Kind.REJECTED);
        }
        assertThat(twilio.getAllServeEvents()).hasSize(6);
    }
}
