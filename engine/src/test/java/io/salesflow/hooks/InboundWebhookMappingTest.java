package io.salesflow.hooks;

import static io.salesflow.hooks.InboundHooks.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.Multipart;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a received event becomes, after the vendor has its answer: a lead through the normal intake (scored and
 * routed), or a message that advances the one waiting process instance; a message no instance waits for fails the
 * event visibly, and an admin can send it through again.
 */
@IntegrationTest
class InboundWebhookMappingTest {

    @Autowired
    Api api;

    @Autowired
    RuntimeService runtime;

    @Test
    void aStandardWebhookCreatesALeadThatIsScoredAndRouted() {
        InboundHooks hooks = new InboundHooks(api);
        String slug = InboundHooks.slug("website");
        JsonNode created = hooks.create(InboundHooks.leadEndpoint(slug, "standard", null));
        String endpointId = created.get("endpoint").get("id").asText();
        String body =
                "{\"type\":\"form.submitted\",\"contact\":{\"lastName\":\"Hookmann\",\"company\":\"Webhook GmbH\","
                        + "\"email\":\"hookmann@example.de\"},\"address\":{\"country\":\"DE\",\"zip\":\"10115\","
                        + "\"region\":\"Berlin\"}}";

        String eventId = hooks.standard(slug, created.get("secret").asText(), "msg_" + UUID.randomUUID(), body)
                .expect(200)
                .json()
                .get("eventId")
                .asText();

        JsonNode event = hooks.settled(endpointId, eventId);
        assertThat(event.get("status").asText()).isEqualTo("processed");
        String leadId = event.get("result").asText().substring("lead:".length());
        JsonNode lead = api.as("acme", ADMIN, "GET", "/api/v1/leads/" + leadId)
                .send()
                .expect(200)
                .json();
        assertThat(lead.get("lastName").asText()).isEqualTo("Hookmann");
        assertThat(lead.get("email").asText()).isEqualTo("hookmann@example.de");
        assertThat(lead.get("source").asText()).isEqualTo("web_form");
        assertThat(lead.get("scoreBand").isNull()).as("scored at intake").isFalse();
        String east = api.as("acme", ADMIN, "GET", "/api/v1/teams").send().json().findParents("name").stream()
                .filter(t -> t.get("name").asText().equals("East"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asText();
        assertThat(lead.get("teamId").asText()).as("routed by the DACH rule").isEqualTo(east);
    }

    @Test
    void aPayloadTheLeadIntakeRefusesFailsTheEventWithTheReason() {
        InboundHooks hooks = new InboundHooks(api);
        String slug = InboundHooks.slug("junk");
        JsonNode created = hooks.create(InboundHooks.leadEndpoint(slug, "standard", null));
        String endpointId = created.get("endpoint").get("id").asText();

        String eventId = hooks.standard(
                        slug,
                        created.get("secret").asText(),
                        "msg_" + UUID.randomUUID(),
                        "{\"contact\":{\"lastName\":\"Junk\",\"email\":\"not an address\"}}")
                .expect(200)
                .json()
                .get("eventId")
                .asText();

        JsonNode event = hooks.settled(endpointId, eventId);
        assertThat(event.get("status").asText()).isEqualTo("failed");
        assertThat(event.get("error").asText()).contains("email");
    }

    @Test
    void aWebhookAdvancesTheProcessInstanceItsPayloadNames() {
        deployPaymentProcess();
        InboundHooks hooks = new InboundHooks(api);
        String slug = InboundHooks.slug("payments");
        JsonNode created = hooks.create(paymentEndpoint(slug));
        String endpointId = created.get("endpoint").get("id").asText();
        String invoice = "INV-" + UUID.randomUUID();
        ProcessInstance instance = runtime.createProcessInstanceByKey("hook-payment")
                .processDefinitionTenantId("acme")
                .businessKey("invoice:" + invoice)
                .execute();

        String eventId = hooks.standard(
                        slug,
                        created.get("secret").asText(),
                        "evt_" + UUID.randomUUID(),
                        "{\"type\":\"payment.succeeded\",\"data\":{\"invoice\":\"" + invoice
                                + "\",\"amount\":1200.5,\"method\":\"card\"}}")
                .expect(200)
                .json()
                .get("eventId")
                .asText();

        JsonNode event = hooks.settled(endpointId, eventId);
        assertThat(event.get("status").asText()).isEqualTo("processed");
        assertThat(event.get("result").asText()).isEqualTo("process-instance:" + instance.getId());
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .as("the instance went past the message and ended")
                .isZero();
    }

    @Test
    void aMessageForAMissingInstanceEndsAsAFailedEventThatCanBeRetried() {
        deployPaymentProcess();
        InboundHooks hooks = new InboundHooks(api);
        String slug = InboundHooks.slug("orphans");
        JsonNode created = hooks.create(paymentEndpoint(slug));
        String endpointId = created.get("endpoint").get("id").asText();
        String invoice = "INV-" + UUID.randomUUID();

        String eventId = hooks.standard(
                        slug,
                        created.get("secret").asText(),
                        "evt_" + UUID.randomUUID(),
                        "{\"data\":{\"invoice\":\"" + invoice + "\",\"amount\":5}}")
                .expect(200)
                .json()
                .get("eventId")
                .asText();

        JsonNode failed = hooks.settled(endpointId, eventId);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("error").asText()).contains("No process instance waits for OrderPaid");
        JsonNode onlyFailed = api.as(
                        "acme", ADMIN, "GET", "/api/v1/inbound-webhooks/" + endpointId + "/events?status=failed")
                .send()
                .expect(200)
                .json();
        assertThat(onlyFailed.get("items").findValuesAsText("id")).containsExactly(eventId);

        ProcessInstance instance = runtime.createProcessInstanceByKey("hook-payment")
                .processDefinitionTenantId("acme")
                .businessKey("invoice:" + invoice)
                .execute();
        api.as("acme", ADMIN, "POST", "/api/v1/inbound-webhooks/" + endpointId + "/events/" + eventId + "/retry")
                .send()
                .expect(200);
        JsonNode retried = hooks.settled(endpointId, eventId);
        assertThat(retried.get("status").asText()).isEqualTo("processed");
        assertThat(retried.get("result").asText()).isEqualTo("process-instance:" + instance.getId());
        api.as("acme", ADMIN, "POST", "/api/v1/inbound-webhooks/" + endpointId + "/events/" + eventId + "/retry")
                .send()
                .expect(409);
    }

    private static Map<String, Object> paymentEndpoint(String slug) {
        return Map.of(
                "slug", slug,
                "name", "Payments",
                "scheme", "standard",
                "action", "correlate_message",
                "message",
                        Map.of(
                                "messageName", "OrderPaid",
                                "businessKey", "/data/invoice",
                                "businessKeyPrefix", "invoice:",
                                "variables", Map.of("amountPaid", "/data/amount", "paidBy", "/data/method")));
    }

    /** A process that waits for a payment right after it starts. */
    private void deployPaymentProcess() {
        String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess("hook-payment")
                .name("Wait for a payment by webhook")
                .camundaHistoryTimeToLive(30)
                .startEvent()
                .intermediateCatchEvent("Message_Payment")
                .message("OrderPaid")
                .endEvent()
                .done());
        api.as("acme", "ops@acme.test", "POST", "/api/v1/deployments")
                .multipart(new Multipart()
                        .file("file", "hook-payment.bpmn", "application/xml", bpmn.getBytes(StandardCharsets.UTF_8)))
                .send()
                .expect(201);
    }
}
