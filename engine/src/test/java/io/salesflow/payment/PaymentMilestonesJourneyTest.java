package io.salesflow.payment;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.connectors.webhook.StandardWebhooks;
import io.salesflow.email.Mailboxes;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.PublishedEvents;
import io.salesflow.support.SalesPipeline;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Payment milestones on PostgreSQL with the real beans, the shipped process, GreenMail and signed webhooks: a won
 * deal's milestones are invoiced and emailed; payments arrive as Standard Webhooks calls to an inbound endpoint mapped
 * to the PaymentReceived message; a late milestone is reminded and escalated to finance; bad payments are refused with
 * a problem and change nothing.
 */
@IntegrationTest
class PaymentMilestonesJourneyTest {

    private static final String REP = "rep@acme.test";
    private static final String ADMIN = "admin@acme.test";
    private static final String FINANCE = "finance@acme.test";
    private static final String OPS = "ops@acme.test";

    @Autowired
    Api api;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    PublishedEvents events;

    @BeforeEach
    void mailGoesToGreenMail() {
        Mailboxes.useGreenMail(api, "acme", 6000);
    }

    @Test
    void twoMilestonesPaidThroughSignedWebhooksMarkTheDealFullyPaid() throws Exception {
        Deal deal = wonDealWithPlan("Globex rollout", "2000.00", List.of("1200.00", "800.00"));
        List<JsonNode> milestones = invoiced(deal);
        long first = milestones.get(0).get("invoiceNumber").asLong();
        long second = milestones.get(1).get("invoiceNumber").asLong();
        assertThat(second).isEqualTo(first + 1);
        assertThat(emailsTo(deal.email(), "Invoice " + first)).hasSize(1);
        assertThat(emailsTo(deal.email(), "Invoice " + second)).hasSize(1);

        byte[] pdf = api.as(
                        "acme",
                        REP,
                        "GET",
                        "/api/v1/invoices/" + milestones.get(0).get("invoiceId").asText() + "/pdf")
                .download(200);
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("Invoice " + first)
                    .contains("1200.00 EUR")
                    .contains("Globex rollout");
        }
        MimeMessage invoiceEmail = emailsTo(deal.email(), "Invoice " + first).get(0);
        assertThat(attachmentNames(invoiceEmail.getContent())).containsExactly("invoice-" + first + ".pdf");
        String link = linkIn(invoiceEmail);
        assertThat(api.get(link.substring(link.indexOf("/invoice-pdf/"))).download(200))
                .isNotEmpty();

        Hook hook = paymentHook();
        for (JsonNode m : milestones) {
            JsonNode event = hook.pay(m.get("id").asText(), m.get("amount").asText(), "EUR");
            assertThat(event.get("status").asText()).as(event.toString()).isEqualTo("processed");
        }

        JsonNode plan = await().atMost(Duration.ofSeconds(30))
                .until(() -> plan(deal.id()), p -> p.get("fullyPaid").asBoolean());
        assertThat(plan.get("paidTotal").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(plan.get("milestones").findValuesAsText("status")).containsOnly("paid");
        assertThat(events.of(DealFullyPaid.class)
                        .filter(e -> e.dealId().toString().equals(deal.id())))
                .singleElement()
                .satisfies(e -> assertThat(e.total()).isEqualByComparingTo("2000.00"));
        JsonNode invoice = get(
                FINANCE,
                "/api/v1/invoices/" + milestones.get(1).get("invoiceId").asText());
        assertThat(invoice.get("status").asText()).isEqualTo("paid");
        JsonNode figures = get(FINANCE, "/api/v1/finance/figures?dealId=" + deal.id());
        assertThat(figures.get("paid").get(0).get("count").asInt()).isEqualTo(2);
        assertThat(figures.get("paid").get(0).get("amount").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(figures.get("open")).isEmpty();
    }

    @Test
    void aPartlyPaidMilestoneIsRemindedThenEscalatedToFinanceWhoRecordTheRest() {
        Deal deal = wonDealWithPlan("Initech support", "900.00", List.of("900.00"));
        JsonNode milestone = invoiced(deal).get(0);
        String id = milestone.get("id").asText();
        long number = milestone.get("invoiceNumber").asLong();

        JsonNode partial = paymentHook().pay(id, "300.50", "EUR");
        assertThat(partial.get("status").asText()).as(partial.toString()).isEqualTo("processed");
        JsonNode afterPartial = plan(deal.id()).get("milestones").get(0);
        assertThat(afterPartial.get("status").asText()).isEqualTo("partially_paid");
        assertThat(afterPartial.get("remaining").decimalValue()).isEqualByComparingTo("599.50");

        ProcessInstance instance = milestoneInstance(id);
        fireChase(instance);
        assertThat(emailsTo(deal.email(), "Reminder 1: invoice " + number)).hasSize(1);
        fireChase(instance);
        assertThat(emailsTo(deal.email(), "Reminder 2: invoice " + number)).hasSize(1);
        fireChase(instance);

        JsonNode task = await().atMost(Duration.ofSeconds(30)).until(() -> chaseTask(deal.id()), t -> t != null);
        assertThat(task.get("name").asText()).isEqualTo("Chase payment of Final payment 1 (Initech support)");
        assertThat(plan(deal.id()).get("milestones").get(0).get("escalatedAt").isNull())
                .isFalse();
        JsonNode overdue = get(FINANCE, "/api/v1/finance/figures?dealId=" + deal.id());
        assertThat(overdue.get("open").get(0).get("amount").decimalValue()).isEqualByComparingTo("599.50");

        JsonNode paid = api.as("acme", FINANCE, "POST", "/api/v1/payment-milestones/" + id + "/payments")
                .json(Map.of("amount", "599.50", "reference", "bank-" + UUID.randomUUID()))
                .send()
                .expect(200)
                .json();
        assertThat(paid.get("status").asText()).isEqualTo("paid");
        assertThat(chaseTask(deal.id())).as("the payment ended finance's task").isNull();
        assertThat(plan(deal.id()).get("fullyPaid").asBoolean()).isTrue();
    }

    @Test
    void paymentsTheMilestoneCannotTakeAreRefusedAndChangeNothing() {
        Deal deal = wonDealWithPlan("Umbrella kiosk", "500.00", List.of("200.00", "300.00"));
        List<JsonNode> milestones = invoiced(deal);
        String first = milestones.get(0).get("id").asText();
        String second = milestones.get(1).get("id").asText();

        Api.Response unknown = message(UUID.randomUUID().toString(), 10);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asText()).endsWith("unknown-milestone");

        assertField(message(first, -5), "variables.paymentAmount");
        assertField(message(first, 250), "variables.paymentAmount");
        assertField(
                api.as("acme", FINANCE, "POST", "/api/v1/payment-milestones/" + first + "/payments")
                        .json(Map.of("amount", "-1"))
                        .send(),
                "amount");

        message(first, 200).expect(200);
        Api.Response again = message(first, 200);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).endsWith("milestone-already-paid");
        JsonNode byHook = paymentHook().pay(first, "200.00", "EUR");
        assertThat(byHook.get("status").asText()).isEqualTo("failed");
        assertThat(byHook.get("error").asText()).contains("already paid");

        JsonNode plan = plan(deal.id());
        assertThat(plan.get("paidTotal").decimalValue())
                .as("only the one good payment was recorded")
                .isEqualByComparingTo("200.00");
        assertThat(plan.get("milestones").get(1).get("status").asText()).isEqualTo("invoiced");
        assertThat(plan.get("milestones").get(1).get("paidAmount").decimalValue())
                .isEqualByComparingTo("0");
        assertThat(milestoneInstance(second))
                .as("the second milestone still waits")
                .isNotNull();

        Api.Response replaced = api.as("acme", REP, "PUT", "/api/v1/deals/" + deal.id() + "/payment-plan")
                .json(Map.of("milestones", List.of()))
                .send();
        assertThat(replaced.status()).as("a started plan keeps its milestones").isEqualTo(409);
        assertThat(replaced.json().get("type").asText()).endsWith("plan-started");
    }

    @Test
    void aPlanIsValidatedFieldByFieldAndReplacedOnlyWithTheCurrentETag() {
        String deal = createDeal("Hooli pilot", "1000.00", null);
        Api.Response bad = putPlan(
                deal,
                "\"0\"",
                List.of(
                        Map.of("name", "Deposit", "amount", -10, "trigger", "on_deal_won"),
                        Map.of("name", " ", "amount", "12.345", "currency", "USD", "trigger", "on_date")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsText("field"))
                .contains(
                        "milestones[0].amount",
                        "milestones[1].name",
                        "milestones[1].amount",
                        "milestones[1].currency",
                        "milestones[1].invoiceOn");
        assertThat(plan(deal).get("milestones")).as("nothing half-written").isEmpty();

        Api.Response saved = putPlan(
                deal,
                "\"0\"",
                List.of(
                        Map.of("name", "Deposit", "amount", "300.00", "trigger", "on_deal_won"),
                        Map.of("name", "Go-live", "amount", 800, "trigger", "on_date", "invoiceOn", "2031-01-15")));
        saved.expect(200);
        assertThat(saved.header("ETag")).contains("\"1\"");
        assertThat(saved.json().get("difference").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(putPlan(deal, "\"0\"", List.of()).status()).isEqualTo(412);
    }

    // --- steps ---

    record Deal(String id, String contactId, String email) {}

    private Deal wonDealWithPlan(String name, String amount, List<String> milestoneAmounts) {
        String email = "payer-" + UUID.randomUUID() + "@example.com";
        String contact = api.as("acme", REP, "POST", "/api/v1/contacts")
                .json(Map.of("firstName", "Paula", "lastName", "Payer", "email", email))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        String deal = createDeal(name, amount, contact);
        List<Map<String, Object>> milestones = new ArrayList<>();
        for (int i = 0; i < milestoneAmounts.size(); i++) {
            milestones.add(Map.of(
                    "name",
                    (i == milestoneAmounts.size() - 1 ? "Final payment " : "Instalment ") + (i + 1),
                    "amount",
                    milestoneAmounts.get(i),
                    "trigger",
                    "on_deal_won"));
        }
        putPlan(deal, null, milestones).expect(200);
        api.as("acme", REP, "PATCH", "/api/v1/deals/" + deal)
                .json(Map.of("stageId", sales().stage("Closed won"), "wonReasonId", sales().wonReason()))
                .send()
                .expect(200);
        return new Deal(deal, contact, email);
    }

    private String createDeal(String name, String amount, String contact) {
        String id = api.as("acme", REP, "POST", "/api/v1/deals")
                .json(Map.of("name", name, "amount", amount, "currency", "EUR", "stageId", sales().stage("Proposal")))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        if (contact != null) {
            api.as("acme", REP, "PUT", "/api/v1/deals/" + id + "/contacts")
                    .json(List.of(Map.of("contactId", contact, "role", "economic_buyer", "primary", true)))
                    .send()
                    .expect(200);
        }
        return id;
    }

    private Api.Response putPlan(String deal, String ifMatch, List<Map<String, Object>> milestones) {
        Api.Call call = api.as("acme", REP, "PUT", "/api/v1/deals/" + deal + "/payment-plan")
                .json(Map.of("milestones", milestones));
        if (ifMatch != null) {
            call.header("If-Match", ifMatch);
        }
        return call.send();
    }

    /** The plan's milestones once each is invoiced (its invoice email queued in the same step). */
    private List<JsonNode> invoiced(Deal deal) {
        JsonNode plan = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> plan(deal.id()),
                        p -> !p.get("startedAt").isNull()
                                && p.get("milestones").findValuesAsText("status").stream()
                                        .allMatch(s -> s.equals("invoiced")));
        List<JsonNode> milestones = new ArrayList<>();
        plan.get("milestones").forEach(milestones::add);
        return milestones;
    }

    private JsonNode plan(String deal) {
        return get(REP, "/api/v1/deals/" + deal + "/payment-plan");
    }

    private ProcessInstance milestoneInstance(String milestoneId) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey("payment-milestone")
                .variableValueEquals("milestoneId", milestoneId)
                .singleResult();
    }

    private void fireChase(ProcessInstance instance) {
        Job timer = management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId("Timer_Chase")
                .singleResult();
        assertThat(timer)
                .as("the milestone waits for payment with a chase timer")
                .isNotNull();
        management.executeJob(timer.getId());
    }

    private JsonNode chaseTask(String deal) {
        for (JsonNode t :
                get(FINANCE, "/api/v1/tasks?recordType=deal&recordId=" + deal).get("items")) {
            if (t.get("activityId").asText().equals("UserTask_ChasePayment")) {
                return t;
            }
        }
        return null;
    }

    private Api.Response message(String milestoneId, double amount) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("paymentAmount", amount);
        variables.put("paymentCurrency", "EUR");
        return api.as("acme", OPS, "POST", "/api/v1/messages")
                .json(Map.of(
                        "messageName",
                        "PaymentReceived",
                        "correlationKeys",
                        Map.of("milestoneId", milestoneId),
                        "variables",
                        variables))
                .send();
    }

    /** An inbound Standard Webhooks endpoint whose calls become PaymentReceived messages. */
    private Hook paymentHook() {
        String slug = "payments-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = api.as("acme", ADMIN, "POST", "/api/v1/inbound-webhooks")
                .json(Map.of(
                        "slug",
                        slug,
                        "name",
                        "Payments " + slug,
                        "scheme",
                        "standard",
                        "action",
                        "correlate_message",
                        "message",
                        Map.of(
                                "messageName",
                                "PaymentReceived",
                                "correlationKeys",
                                Map.of("milestoneId", "/data/metadata/milestoneId"),
                                "variables",
                                Map.of(
                                        "paymentAmount", "/data/amount",
                                        "paymentCurrency", "/data/currency",
                                        "paymentReference", "/data/id"))))
                .send()
                .expect(201)
                .json();
        return new Hook(
                slug,
                created.get("endpoint").get("id").asText(),
                created.get("secret").asText());
    }

    final class Hook {
        private final String slug;
        private final String endpointId;
        private final String secret;

        Hook(String slug, String endpointId, String secret) {
            this.slug = slug;
            this.endpointId = endpointId;
            this.secret = secret;
        }

        /** Posts a signed payment event and returns the event once the worker settled it. */
        JsonNode pay(String milestoneId, String amount, String currency) {
            String id = "msg_" + UUID.randomUUID();
            long timestamp = Instant.now().getEpochSecond();
            byte[] body = ("{\"type\":\"payment.succeeded\",\"data\":{\"id\":\"pay_" + UUID.randomUUID()
                            + "\",\"amount\":\"" + amount + "\",\"currency\":\"" + currency
                            + "\",\"metadata\":{\"milestoneId\":\"" + milestoneId + "\"}}}")
                    .getBytes(StandardCharsets.UTF_8);
            String eventId = api.post("/hooks/acme/" + slug)
                    .header(StandardWebhooks.ID, id)
                    .header(StandardWebhooks.TIMESTAMP, Long.toString(timestamp))
                    .header(
                            StandardWebhooks.SIGNATURE,
                            StandardWebhooks.signatureHeader(List.of(secret), id, timestamp, body))
                    .body(body, "application/json")
                    .send()
                    .expect(200)
                    .json()
                    .get("eventId")
                    .asText();
            return await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () -> {
                                for (JsonNode e : get(
                                                ADMIN, "/api/v1/inbound-webhooks/" + endpointId + "/events?limit=200")
                                        .get("items")) {
                                    if (e.get("id").asText().equals(eventId)) {
                                        return e;
                                    }
                                }
                                return null;
                            },
                            e -> e != null && !e.get("status").asText().equals("received"));
        }
    }

    private static List<MimeMessage> emailsTo(String address, String subject) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> Arrays.stream(Mailboxes.greenMail().getReceivedMessages())
                                .filter(m -> {
                                    try {
                                        return m.getAllRecipients() != null
                                                && Arrays.stream(m.getAllRecipients())
                                                        .anyMatch(r ->
                                                                r.toString().contains(address))
                                                && m.getSubject() != null
                                                && m.getSubject().startsWith(subject);
                                    } catch (MessagingException e) {
                                        throw new IllegalStateException(e);
                                    }
                                })
                                .toList(),
                        list -> !list.isEmpty());
    }

    private static String linkIn(MimeMessage message) throws Exception {
        String content = textOf(message.getContent());
        int at = content.indexOf(InvoiceLinks.PATH);
        at = content.lastIndexOf("http", at);
        int end = content.indexOf('\n', at);
        return content.substring(at, end < 0 ? content.length() : end).strip();
    }

    private static List<String> attachmentNames(Object content) throws Exception {
        List<String> names = new ArrayList<>();
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.getFileName() != null) {
                    names.add(part.getFileName());
                } else {
                    names.addAll(attachmentNames(part.getContent()));
                }
            }
        }
        return names;
    }

    private static String textOf(Object content) throws Exception {
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(textOf(multipart.getBodyPart(i).getContent()));
            }
            return text.toString();
        }
        return content instanceof String text ? text : "";
    }

    private JsonNode get(String email, String path) {
        return api.as("acme", email, "GET", path).send().expect(200).json();
    }

    private SalesPipeline sales() {
        return new SalesPipeline(api, "acme", REP);
    }
}
