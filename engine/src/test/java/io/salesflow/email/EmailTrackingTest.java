package io.salesflow.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.engagement.EngagementKind;
import io.salesflow.engagement.LeadEngaged;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.PublishedEvents;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Opens and clicks of an email that went through GreenMail: the pixel and the tracked links the message carries,
 * counted on the email, announced to other modules, and a link that leads only where it pointed.
 */
@IntegrationTest
class EmailTrackingTest {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");
    private static final Pattern IMG = Pattern.compile("<img src=\"([^\"]+/t/o/[^\"]+)\"");
    private static final String REP = "rep@acme.test";

    @Autowired
    Api api;

    @Autowired
    PublishedEvents published;

    @BeforeEach
    void sender() {
        Mailboxes.useGreenMail(api, "acme", 1000);
    }

    private static String html(Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String html = html(child);
                if (html != null) {
                    return html;
                }
            }
        }
        return null;
    }

    private static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath();
    }

    private JsonNode tracking(String emailId) {
        return api.as("acme", REP, "GET", "/api/v1/emails/" + emailId)
                .send()
                .expect(200)
                .json()
                .get("tracking");
    }

    @Test
    void opensAndClicksAreCountedAndAClickLeadsOnlyWhereTheLinkPointed() throws Exception {
        String lead = api.as("acme", REP, "POST", "/api/v1/leads")
                .json(Map.of(
                        "lastName", "Tracked",
                        "source", "api",
                        "email", "tracked-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        JsonNode queued = api.as("acme", REP, "POST", "/api/v1/emails")
                .json(
                        Map.of(
                                "recordType", "lead",
                                "recordId", lead,
                                "subject", "Our prices",
                                "text", "Prices: https://docs.example.com/pricing",
                                "html",
                                        "<html><body><p>See <a href=\"https://docs.example.com/pricing?plan=a&amp;b=2\">our"
                                                + " prices</a> or <a href=\"mailto:sales@acme.test\">write to us</a>.</p></body></html>"))
                .send()
                .expect(201)
                .json();
        String emailId = queued.get("id").asText();
        String messageId = queued.get("messageId").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !Mailboxes.withMessageId(messageId).isEmpty());
        String html = html(Mailboxes.withMessageId(messageId).get(0));

        List<String> links = new ArrayList<>();
        Matcher href = HREF.matcher(html);
        while (href.find()) {
            links.add(href.group(1));
        }
        assertThat(links).hasSize(2);
        assertThat(links.get(0)).contains("/t/c/").doesNotContain("docs.example.com");
        assertThat(links.get(1)).isEqualTo("mailto:sales@acme.test");
        Matcher img = IMG.matcher(html);
        assertThat(img.find()).as("the open pixel is in the HTML: " + html).isTrue();
        String pixel = path(img.group(1));
        String click = path(links.get(0).replace("&amp;", "&"));
        assertThat(tracking(emailId).get("opens").asInt()).isZero();

        Api.Response image = api.get(pixel).send().expect(200);
        assertThat(image.contentType()).isEqualTo("image/gif");
        assertThat(image.header("Cache-Control").orElseThrow()).contains("no-store");
        api.get(pixel).send().expect(200);
        Api.Response redirect = api.get(click).send().expect(302);
        assertThat(redirect.header("Location")).hasValue("https://docs.example.com/pricing?plan=a&b=2");

        JsonNode tracking = tracking(emailId);
        assertThat(tracking.get("opens").asInt()).isEqualTo(2);
        assertThat(tracking.get("clicks").asInt()).isEqualTo(1);
        Instant firstOpen = Instant.parse(tracking.get("firstOpenedAt").asText());
        assertThat(Instant.parse(tracking.get("lastOpenedAt").asText())).isAfterOrEqualTo(firstOpen);
        assertThat(tracking.get("firstClickedAt").asText())
                .isEqualTo(tracking.get("lastClickedAt").asText());

        assertThat(published
                        .of(EmailOpened.class)
                        .filter(e -> e.emailId().toString().equals(emailId)))
                .extracting(EmailOpened::first)
                .containsExactly(true, false);
        assertThat(published
                        .of(EmailClicked.class)
                        .filter(e -> e.emailId().toString().equals(emailId)))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.url()).isEqualTo("https://docs.example.com/pricing?plan=a&b=2");
                    assertThat(e.recordId().toString()).isEqualTo(lead);
                });
        assertThat(published
                        .of(LeadEngaged.class)
                        .filter(e -> e.leadId().toString().equals(lead)))
                .extracting(LeadEngaged::type)
                .contains(EngagementKind.EMAIL_OPENED, EngagementKind.EMAIL_CLICKED);

        // An altered token is no redirect at all, and a pixel of nothing counts nothing.
        String token = click.substring(click.lastIndexOf('/') + 1);
        String altered = click.substring(0, click.lastIndexOf('/') + 1)
                + (token.charAt(5) == 'A' ? token.substring(0, 5) + "B" : token.substring(0, 5) + "A")
                + token.substring(6);
        Api.Response refused = api.get(altered).send();
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.header("Location")).isEmpty();
        assertThat(api.get("/t/c/" + "x".repeat(40)).send().status()).isEqualTo(404);
        api.get("/t/o/" + "y".repeat(40)).send().expect(200);
        assertThat(tracking(emailId).get("opens").asInt()).isEqualTo(2);
        assertThat(tracking(emailId).get("clicks").asInt()).isEqualTo(1);
    }

    @Test
    void aLinkCannotBeBentToAnotherAddress() {
        // The token names the URL; there is no parameter a caller could point elsewhere.
        assertThat(api.get("/t/c/abc?url=https://evil.example").send().status()).isEqualTo(404);
        assertThat(api.get("/t/c/?url=https://evil.example").send().status()).isNotEqualTo(302);
    }
}
