package io.salesflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.email.Mailboxes;
import io.salesflow.support.Api;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the contract tests set up through the API, with names no other test uses: a sender on GreenMail, an email
 * template and a contract template, a deal with line items and contacts, and the signing links that arrive by email.
 */
public class ContractFixture {

    public static final String ADMIN = "admin@acme.test";
    public static final String REP = "rep@acme.test";
    static final String TEMPLATE =
            """
            <html><head><style>td { border: 1px solid #999; }</style></head><body>
            <h1>{{contract.title}}</h1>
            <p>Between Acme and {{account.name}} for {{deal.name}} ({{deal.currency}} {{deal.amount}}).</p>
            <table>{{#lineItems}}<tr><td>{{position}}</td><td>{{product}}</td><td>{{quantity}}</td>
            <td>{{unitPrice}}</td><td>{{discountPercent}}%</td><td>{{total}}</td></tr>{{/lineItems}}</table>
            <p>Total: {{currency}} {{total}}</p>
            <ul>{{#signers}}<li>{{name}} ({{email}})</li>{{/signers}}</ul>
            </body></html>
            """;
    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+/sign/([A-Za-z0-9_-]+)");

    private final Api api;

    public ContractFixture(Api api) {
        this.api = api;
    }

    /** A deal with two line items and signers, and a contract template; ids by name. */
    public record Setup(String dealId, String templateId, List<String> contactIds, List<String> emails) {}

    public Setup setup(int signers, String pipelineId) {
        Mailboxes.useGreenMail(api, "acme", 1000);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String emailTemplate = api.as("acme", ADMIN, "POST", "/api/v1/email-templates")
                .json(Map.of(
                        "name", "Signing " + suffix,
                        "subject", "{{vars.subject}}",
                        "text", "Hello {{record.firstName}},\n\n{{vars.message}}\n{{vars.link}}\n"))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        String template = api.as("acme", ADMIN, "POST", "/api/v1/contracts/templates")
                .json(Map.of("name", "Agreement " + suffix, "body", TEMPLATE, "emailTemplateId", emailTemplate))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        Map<String, Object> deal =
                new HashMap<>(Map.of("name", "Contract deal " + suffix, "amount", 1500, "currency", "EUR"));
        if (pipelineId != null) {
            deal.put("pipelineId", pipelineId);
        }
        String dealId = api.as("acme", REP, "POST", "/api/v1/deals")
                .json(deal)
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        api.as("acme", REP, "PUT", "/api/v1/deals/" + dealId + "/line-items")
                .json(List.of(
                        Map.of("product", "Licence", "quantity", 10, "unitPrice", 100, "discountPercent", 10),
                        Map.of("product", "Onboarding", "description", "Two days", "quantity", 1, "unitPrice", 600)))
                .send()
                .expect(200);
        List<String> contacts = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        List<Map<String, Object>> roles = new ArrayList<>();
        for (int i = 0; i < signers; i++) {
            String email = "signer" + i + "-" + suffix + "@buyer.example";
            String contact = api.as("acme", REP, "POST", "/api/v1/contacts")
                    .json(Map.of("firstName", "Signer" + i, "lastName", "Buyer " + suffix, "email", email))
                    .send()
                    .expect(201)
                    .json()
                    .get("id")
                    .asText();
            contacts.add(contact);
            emails.add(email);
            roles.add(Map.of("contactId", contact, "role", "decision_maker", "primary", i == 0));
        }
        api.as("acme", REP, "PUT", "/api/v1/deals/" + dealId + "/contacts")
                .json(roles)
                .send()
                .expect(200);
        return new Setup(dealId, template, contacts, emails);
    }

    public JsonNode generate(Setup setup) {
        return api.as("acme", REP, "POST", "/api/v1/contracts")
                .json(Map.of(
                        "dealId", setup.dealId(),
                        "templateId", setup.templateId(),
                        "title", "Master agreement",
                        "signerContactIds", setup.contactIds()))
                .send()
                .expect(201)
                .json();
    }

    public JsonNode send(String contractId) {
        return api.as("acme", REP, "POST", "/api/v1/contracts/" + contractId + "/send")
                .json(Map.of())
                .send()
                .expect(200)
                .json();
    }

    public JsonNode contract(String contractId) {
        return api.as("acme", REP, "GET", "/api/v1/contracts/" + contractId)
                .send()
                .expect(200)
                .json();
    }

    public JsonNode awaitStatus(String contractId, String status) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> status.equals(contract(contractId).get("status").asText()));
        return contract(contractId);
    }

    /** The signing token in the newest email that reached {@code address} with {@code subjectStart}. */
    public String awaitLink(String address, String subjectStart, int emailsBefore) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> received(address, subjectStart).size() > emailsBefore);
        List<String> bodies = received(address, subjectStart);
        Matcher m = LINK.matcher(bodies.get(bodies.size() - 1));
        assertThat(m.find())
                .as("a signing link in %s", bodies.get(bodies.size() - 1))
                .isTrue();
        return m.group(1);
    }

    public List<String> received(String address, String subjectStart) {
        return Arrays.stream(Mailboxes.greenMail().getReceivedMessages())
                .filter(message -> to(message).contains(address))
                .filter(message -> subject(message).startsWith(subjectStart))
                .map(ContractFixture::text)
                .toList();
    }

    private static String to(MimeMessage message) {
        try {
            return Optional.ofNullable(message.getRecipients(Message.RecipientType.TO))
                    .map(all -> Arrays.toString(all))
                    .orElse("");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage message) {
        return com.icegreen.greenmail.util.GreenMailUtil.getBody(message)
                .replace("=\r\n", "")
                .replace("=3D", "=");
    }

    public Api.Response open(String token) {
        return api.get("/api/public/signing/" + token)
                .header("User-Agent", "ContractTest/1.0")
                .send();
    }

    public Api.Response sign(String token, Object consent, String typedName) {
        Map<String, Object> body = new HashMap<>();
        body.put("consent", consent);
        body.put("typedName", typedName);
        return api.post("/api/public/signing/" + token + "/signature")
                .header("User-Agent", "ContractTest/1.0")
                .json(body)
                .send();
    }

    public Api.Response decline(String token, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", reason);
        return api.post("/api/public/signing/" + token + "/decline")
                .header("User-Agent", "ContractTest/1.0")
                .json(body)
                .send();
    }
}
