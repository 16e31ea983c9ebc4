package io.salesflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Contract signing end to end on PostgreSQL with the real beans and GreenMail: signers get their links by email,
 * sign through the public API, the process completes the contract with its certificate page and the chain verifies;
 * altering an event or a document as the database owner is detected; a decline sends the deal back with a task for
 * its owner; and every bad link or repeated step is a clear problem that changes nothing.
 */
@IntegrationTest
class ContractSigningTest {

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @FlywayDataSource
    DataSource owner;

    ContractFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new ContractFixture(api);
    }

    @Test
    void twoSignersSignThroughTheirEmailedLinksAndTheSignedContractVerifies() throws Exception {
        ContractFixture.Setup setup = fixture.setup(2, null);
        JsonNode draft = fixture.generate(setup);
        String id = draft.get("id").asText();
        assertThat(draft.get("status").asText()).isEqualTo("draft");
        byte[] original = api.as("acme", ContractFixture.REP, "GET", "/api/v1/contracts/" + id + "/document")
                .send()
                .expect(200)
                .bytes();
        assertThat(text(original)).contains("Master agreement", "Licence", "900.00", "Onboarding", "1500.00");
        assertThat(draft.get("documentSha256").asText()).isEqualTo(Sha256.hex(original));

        fixture.send(id);
        String first = fixture.awaitLink(setup.emails().get(0), "Please sign", 0);
        String second = fixture.awaitLink(setup.emails().get(1), "Please sign", 0);

        JsonNode opened = fixture.open(first).expect(200).json();
        assertThat(opened.get("signerStatus").asText()).isEqualTo("viewed");
        assertThat(opened.get("title").asText()).isEqualTo("Master agreement");
        byte[] shown = api.get("/api/public/signing/" + first + "/document")
                .send()
                .expect(200)
                .bytes();
        assertThat(Sha256.hex(shown)).isEqualTo(draft.get("documentSha256").asText());

        assertThat(fixture.sign(first, true, "Signer0 Buyer")
                        .expect(200)
                        .json()
                        .get("signerStatus")
                        .asText())
                .isEqualTo("signed");
        assertThat(fixture.contract(id).get("status").asText()).isEqualTo("sent");
        fixture.sign(second, true, "Signer1 Buyer").expect(200);

        JsonNode signed = fixture.awaitStatus(id, "signed");
        for (JsonNode signer : signed.get("signers")) {
            assertThat(signer.get("status").asText()).isEqualTo("signed");
            assertThat(signer.get("ip").asText()).isNotBlank();
            assertThat(signer.get("userAgent").asText()).isEqualTo("ContractTest/1.0");
            assertThat(signer.get("documentSha256").asText())
                    .isEqualTo(draft.get("documentSha256").asText());
            assertThat(signer.get("emailVerified").asBoolean()).isTrue();
            assertThat(signer.get("signedAt").isNull()).isFalse();
        }
        byte[] copy = api.as("acme", ContractFixture.REP, "GET", "/api/v1/contracts/" + id + "/signed-document")
                .send()
                .expect(200)
                .bytes();
        try (PDDocument a = Loader.loadPDF(original);
                PDDocument b = Loader.loadPDF(copy)) {
            assertThat(b.getNumberOfPages()).isGreaterThan(a.getNumberOfPages());
        }
        assertThat(text(copy))
                .contains(
                        "Certificate of signature",
                        "Signer0 Buyer",
                        "Signer1 Buyer",
                        setup.emails().get(1));

        JsonNode verification = verification(id);
        assertThat(verification.get("valid").asBoolean())
                .as(verification.toString())
                .isTrue();
        List<String> kinds = kinds(id);
        assertThat(kinds).startsWith("generated").endsWith("completed").contains("sent", "viewed", "signed");
        String copyLink = fixture.awaitLink(setup.emails().get(0), "Signed:", 0);
        assertThat(fixture.received(setup.emails().get(0), "Signed:").get(0))
                .as("the signed copy attached")
                .contains("application/pdf", "(signed).pdf");
        byte[] fetched = api.get("/api/public/signing/" + copyLink + "/document")
                .send()
                .expect(200)
                .bytes();
        assertThat(Sha256.hex(fetched))
                .isEqualTo(signed.get("signedDocumentSha256").asText());

        // A signer signing twice (with their newest link): 409; the link the copy's email replaced: 404.
        assertProblem(fixture.sign(copyLink, true, "Signer0 Buyer"), 409, "already-signed");
        assertProblem(fixture.sign(first, true, "Signer0 Buyer"), 404, "unknown-link");
        assertThat(kinds(id)).isEqualTo(kinds);
    }

    @Test
    void anAlteredEventAndAnAlteredDocumentAreDetected() {
        ContractFixture.Setup setup = fixture.setup(1, null);
        String id = fixture.generate(setup).get("id").asText();
        fixture.send(id);
        String token = fixture.awaitLink(setup.emails().get(0), "Please sign", 0);
        fixture.open(token).expect(200);
        assertThat(verification(id).get("valid").asBoolean()).isTrue();

        asOwner(
                "UPDATE contract_events SET data = replace(data, 'ContractTest/1.0', 'Forged/2.0')"
                        + " WHERE contract_id = ? AND kind = 'viewed'",
                UUID.fromString(id));
        JsonNode broken = verification(id);
        assertThat(broken.get("valid").asBoolean()).isFalse();
        assertThat(broken.get("problems").toString()).contains("viewed", "altered");

        asOwner("UPDATE contracts SET document = document || '\\x00'::bytea WHERE id = ?", UUID.fromString(id));
        assertThat(verification(id).get("problems").toString()).contains("stored document was altered");

        asOwner("DELETE FROM contract_events WHERE contract_id = ? AND kind = 'sent'", UUID.fromString(id));
        assertThat(verification(id).get("problems").toString()).contains("missing");
    }

    @Test
    void aDeclineSendsTheDealBackAStageAndGivesItsOwnerATaskSayingWhoAndWhy() {
        ContractFixture.Setup setup = fixture.setup(2, null);
        JsonNode pipelines = api.as("acme", ContractFixture.REP, "GET", "/api/v1/pipelines")
                .send()
                .expect(200)
                .json();
        JsonNode sales = null;
        for (JsonNode p : pipelines.has("items") ? pipelines.get("items") : pipelines) {
            if (p.get("isDefault").asBoolean()) {
                sales = p;
            }
        }
        assertThat(sales).isNotNull();
        String proposal = stage(sales, "Proposal");
        api.as("acme", ContractFixture.REP, "PATCH", "/api/v1/deals/" + setup.dealId())
                .json(java.util.Map.of("stageId", proposal))
                .send()
                .expect(200);
        String id = fixture.generate(setup).get("id").asText();
        fixture.send(id);
        String first = fixture.awaitLink(setup.emails().get(0), "Please sign", 0);
        String second = fixture.awaitLink(setup.emails().get(1), "Please sign", 0);

        assertProblem(fixture.decline(first, "  "), 400, null);
        fixture.decline(first, "The price is too high").expect(200);

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        !proposal.equals(deal(setup.dealId()).get("stageId").asText()));
        assertThat(deal(setup.dealId()).get("stageId").asText()).isEqualTo(stage(sales, "Needs analysis"));
        assertThat(fixture.contract(id).get("status").asText()).isEqualTo("declined");
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks().contains("Master agreement declined by Signer0"));

        // The other signer cannot sign a declined contract; the decliner cannot sign either.
        assertProblem(fixture.sign(second, true, "Signer1 Buyer"), 409, "contract-closed");
        assertProblem(fixture.sign(first, true, "Signer0 Buyer"), 409, "already-declined");
        assertThat(verification(id).get("valid").asBoolean()).isTrue();
    }

    @Test
    void badLinksAndBadConsentAreClearProblemsThatChangeNothing() {
        ContractFixture.Setup setup = fixture.setup(1, null);
        String id = fixture.generate(setup).get("id").asText();
        fixture.send(id);
        String token = fixture.awaitLink(setup.emails().get(0), "Please sign", 0);
        List<String> before = kinds(id);

        assertProblem(fixture.open("not-a-token"), 404, "unknown-link");
        assertProblem(fixture.sign(token.substring(0, token.length() - 2) + "AA", true, "X"), 404, "unknown-link");
        assertProblem(fixture.sign(token, false, "Signer0 Buyer"), 400, null);
        assertThat(fixture.sign(token, null, "Signer0 Buyer").json().toString()).contains("consent");
        assertThat(fixture.sign(token, true, " ").json().toString()).contains("typedName");
        assertThat(kinds(id)).isEqualTo(before);

        // A reminder replaces the link: the old one is refused, the new one works.
        inTenant.run(
                "acme",
                () -> jdbc.update(
                        "UPDATE contract_signers SET token_hash = ? WHERE contract_id = ?",
                        SigningTokens.hash("replaced"),
                        UUID.fromString(id)));
        assertProblem(fixture.open(token), 404, "unknown-link");
    }

    @Test
    void theOwnerHandsASignerAFreshLinkThatSignsWhileTheEmailedOneStopsWorking() {
        ContractFixture.Setup setup = fixture.setup(1, null);
        String id = fixture.generate(setup).get("id").asText();
        String signer = fixture.contract(id).get("signers").get(0).get("id").asText();
        assertProblem(link(id, signer), 409, "contract-not-out");
        fixture.send(id);
        String emailed = fixture.awaitLink(setup.emails().get(0), "Please sign", 0);
        assertProblem(link(id, UUID.randomUUID().toString()), 404, null);

        JsonNode handed = link(id, signer).expect(200).json();
        String url = handed.get("url").asText();
        assertThat(url).contains("/sign/");
        assertThat(handed.get("signerId").asText()).isEqualTo(signer);
        String token = url.substring(url.lastIndexOf('/') + 1);

        assertProblem(fixture.open(emailed), 404, "unknown-link");
        assertThat(fixture.sign(token, true, "Signer0 Buyer").status()).isEqualTo(200);
        assertProblem(link(id, signer), 409, "signer-done");
        assertThat(kinds(id)).containsSubsequence("sent", "reminded", "signed");
        fixture.awaitStatus(id, "signed");
        assertThat(api.as("acme", ContractFixture.REP, "GET", "/api/v1/contracts/" + id + "/verification")
                        .send()
                        .expect(200)
                        .json()
                        .get("valid")
                        .asBoolean())
                .isTrue();
    }

    private Api.Response link(String contract, String signer) {
        return api.as(
                        "acme",
                        ContractFixture.REP,
                        "POST",
                        "/api/v1/contracts/" + contract + "/signers/" + signer + "/link")
                .send();
    }

    @Test
    void anExpiredLinkIsGoneAndTheOwnerGetsATask() {
        ContractFixture.Setup setup = fixture.setup(1, null);
        String id = fixture.generate(setup).get("id").asText();
        api.as("acme", ContractFixture.REP, "POST", "/api/v1/contracts/" + id + "/send")
                .json(java.util.Map.of("expiresInDays", 0))
                .send()
                .expect(400);
        fixture.send(id);
        String token = fixture.awaitLink(setup.emails().get(0), "Please sign", 0);
        inTenant.run(
                "acme",
                () -> jdbc.update(
                        "UPDATE contracts SET expires_at = now() - interval '1 minute' WHERE id = ?",
                        UUID.fromString(id)));

        assertProblem(fixture.sign(token, true, "Signer0 Buyer"), 410, "link-expired");
        assertThat(fixture.contract(id).get("signers").get(0).get("status").asText())
                .isNotEqualTo("signed");
        assertProblem(
                api.as("acme", ContractFixture.REP, "POST", "/api/v1/contracts/" + id + "/send")
                        .json(java.util.Map.of())
                        .send(),
                409,
                "contract-not-draft");
    }

    @Test
    void aPipelineThatWaitsForTheSignatureRefusesToWinADealWithoutOne() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        JsonNode pipeline = api.as("acme", ContractFixture.ADMIN, "POST", "/api/v1/pipelines")
                .json(java.util.Map.of(
                        "name",
                        "Signed deals " + suffix,
                        "wonRequiresSignature",
                        true,
                        "stages",
                        List.of(
                                java.util.Map.of("name", "Open", "probability", 20, "closed", false, "won", false),
                                java.util.Map.of("name", "Won", "probability", 100, "closed", true, "won", true),
                                java.util.Map.of("name", "Lost", "probability", 0, "closed", true, "won", false))))
                .send()
                .expect(201)
                .json();
        assertThat(pipeline.get("wonRequiresSignature").asBoolean()).isTrue();
        ContractFixture.Setup setup = fixture.setup(1, pipeline.get("id").asText());
        String won = stage(pipeline, "Won");
        JsonNode reasons = api.as("acme", ContractFixture.REP, "GET", "/api/v1/deal-reasons?kind=WON")
                .send()
                .expect(200)
                .json();
        String reason = (reasons.has("items") ? reasons.get("items") : reasons)
                .get(0)
                .get("id")
                .asText();
        java.util.Map<String, Object> win = java.util.Map.of("stageId", won, "wonReasonId", reason);

        Api.Response refused = api.as("acme", ContractFixture.REP, "PATCH", "/api/v1/deals/" + setup.dealId())
                .json(win)
                .send();
        assertProblem(refused, 409, "signature-required");
        assertThat(refused.json().get("detail").asText()).contains("no contract of this deal is signed");
        assertThat(deal(setup.dealId()).get("status").asText()).isEqualTo("open");

        String id = fixture.generate(setup).get("id").asText();
        fixture.send(id);
        String token = fixture.awaitLink(setup.emails().get(0), "Please sign", 0);
        assertThat(api.as("acme", ContractFixture.REP, "PATCH", "/api/v1/deals/" + setup.dealId())
                        .json(win)
                        .send()
                        .json()
                        .get("detail")
                        .asText())
                .contains("out for signature");
        fixture.sign(token, true, "Signer0 Buyer").expect(200);
        fixture.awaitStatus(id, "signed");

        api.as("acme", ContractFixture.REP, "PATCH", "/api/v1/deals/" + setup.dealId())
                .json(win)
                .send()
                .expect(200);
        assertThat(deal(setup.dealId()).get("status").asText()).isEqualTo("won");
    }

    @Test
    void aTemplateThatDoesNotRenderIsRefusedWithTheField() {
        Api.Response malformed = api.as("acme", ContractFixture.ADMIN, "POST", "/api/v1/contracts/templates")
                .json(java.util.Map.of(
                        "name",
                        "Broken " + UUID.randomUUID(),
                        "body",
                        "<html><body><p>Unclosed</body></html>",
                        "emailTemplateId",
                        UUID.randomUUID()))
                .send();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").get(0).get("field").asText()).isEqualTo("emailTemplateId");

        ContractFixture.Setup setup = fixture.setup(1, null);
        String emailTemplate = api.as(
                        "acme", ContractFixture.ADMIN, "GET", "/api/v1/contracts/templates/" + setup.templateId())
                .send()
                .expect(200)
                .json()
                .get("emailTemplateId")
                .asText();
        Api.Response broken = api.as("acme", ContractFixture.ADMIN, "POST", "/api/v1/contracts/templates")
                .json(java.util.Map.of(
                        "name",
                        "Broken " + UUID.randomUUID(),
                        "body",
                        "<html><body><p>Unclosed</body></html>",
                        "emailTemplateId",
                        emailTemplate))
                .send();
        assertProblem(broken, 422, "template-does-not-render");
        assertThat(broken.json().get("errors").get(0).get("field").asText()).isEqualTo("body");
        Api.Response unknown = api.as("acme", ContractFixture.ADMIN, "POST", "/api/v1/contracts/templates")
                .json(java.util.Map.of(
                        "name",
                        "Unknown " + UUID.randomUUID(),
                        "body",
                        "<html><body><p>{{deal.nonsense}}</p></body></html>",
                        "emailTemplateId",
                        emailTemplate))
                .send();
        assertProblem(unknown, 422, "template-does-not-render");
        api.as("acme", ContractFixture.REP, "POST", "/api/v1/contracts/templates")
                .json(java.util.Map.of("name", "x", "body", "<html/>", "emailTemplateId", emailTemplate))
                .send()
                .expect(403);
    }

    private JsonNode verification(String id) {
        return api.as("acme", ContractFixture.REP, "GET", "/api/v1/contracts/" + id + "/verification")
                .send()
                .expect(200)
                .json();
    }

    private List<String> kinds(String id) {
        JsonNode events = api.as("acme", ContractFixture.REP, "GET", "/api/v1/contracts/" + id + "/events")
                .send()
                .expect(200)
                .json();
        List<String> kinds = new java.util.ArrayList<>();
        events.forEach(e -> kinds.add(e.get("kind").asText()));
        return kinds;
    }

    private JsonNode deal(String id) {
        return api.as("acme", ContractFixture.REP, "GET", "/api/v1/deals/" + id)
                .send()
                .expect(200)
                .json();
    }

    private String tasks() {
        return api.as("acme", ContractFixture.REP, "GET", "/api/v1/tasks")
                .send()
                .expect(200)
                .body();
    }

    private static String stage(JsonNode pipeline, String name) {
        for (JsonNode s : pipeline.get("stages")) {
            if (s.get("name").asText().equals(name)) {
                return s.get("id").asText();
            }
        }
        throw new AssertionError("no stage " + name + " in " + pipeline);
    }

    private static void assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (type != null) {
            assertThat(response.json().get("type").asText()).endsWith(type);
        }
    }

    private void asOwner(String sql, UUID id) {
        UUID tenant = jdbc.queryForObject("SELECT id FROM tenants WHERE slug = 'acme'", UUID.class);
        try (Connection c = owner.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement set = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                set.setString(1, tenant.toString());
                set.execute();
            }
            try (PreparedStatement update = c.prepareStatement(sql)) {
                update.setObject(1, id);
                assertThat(update.executeUpdate()).isGreaterThan(0);
            }
            c.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
