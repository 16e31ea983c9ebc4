package io.salesflow.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.salesflow.browser.BrowserJourney;
import io.salesflow.browser.Journeys;
import io.salesflow.support.Api;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A rep writes an email to a lead from its page; the mail server receives it, and the lead's emails show it sent. */
@BrowserJourney
class SendingAnEmailFromALeadJourneyTest {

    @Autowired
    Api api;

    @Test
    void aRepSendsAnEmailFromALeadPageAndTheServerReceivesIt(Page page) {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        try {
            api.as("acme", "admin@acme.test", "PUT", "/api/v1/settings/email")
                    .json(Map.of(
                            "smtpHost", "localhost",
                            "smtpPort", greenMail.getSmtp().getPort(),
                            "smtpSecurity", "none",
                            "fromAddress", "sales@acme.test",
                            "replyDomain", "replies.acme.test",
                            "ratePerMinute", 1000))
                    .send()
                    .expect(200);
            String address = "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            String lead = api.as("acme", "rep@acme.test", "POST", "/api/v1/leads")
                    .json(Map.of(
                            "firstName",
                            "Joan",
                            "lastName",
                            "Journey",
                            "company",
                            "Mailers",
                            "email",
                            address,
                            "source",
                            "api"))
                    .send()
                    .expect(201)
                    .json()
                    .get("id")
                    .asText();
            String subject = "Our call " + UUID.randomUUID().toString().substring(0, 6);

            Journeys.signIn(page, "acme", "rep@acme.test");
            page.navigate("/leads/" + lead);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send email"))
                    .click();
            page.getByLabel("Subject").fill(subject);
            page.getByLabel("Message").fill("Hello Joan, thanks for the call.");
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Send").setExact(true))
                    .click();
            assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0);

            await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(greenMail.getReceivedMessages())
                    .anyMatch(m -> subject.equals(subjectOf(m))));
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Emails"))
                    .click();
            assertThat(page.getByText(subject)).isVisible();
        } finally {
            greenMail.stop();
        }
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            return null;
        }
    }
}
