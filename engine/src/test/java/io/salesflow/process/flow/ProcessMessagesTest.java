package io.salesflow.process.flow;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.Multipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * External systems advance waiting processes with an API key: an ops-deployed process waits for a payment
 * message; exactly one waiting instance gets a message, none is a 404, several a 409, and a message that comes
 * before its instance waits is kept until it does.
 */
@IntegrationTest
class ProcessMessagesTest {

    static final String OPS = "ops@acme.test";

    @Autowired
    Api api;

    @Autowired
    RuntimeService runtime;

    private String apiKey;

    @BeforeEach
    void deployAndKey() {
        String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess("payment-wait")
                .name("Wait for a payment")
                .camundaHistoryTimeToLive(30)
                .startEvent()
                .userTask("Task_Prepare")
                .name("Prepare the invoice")
                .intermediateCatchEvent("Message_Payment")
                .message("OrderPaid")
                .endEvent()
                .done());
        api.as("acme", OPS, "POST", "/api/v1/deployments")
                .multipart(new Multipart()
                        .file("file", "payment-wait.bpmn", "application/xml", bpmn.getBytes(StandardCharsets.UTF_8)))
                .send()
                .expect(201);
        apiKey = api.as("acme", "admin@acme.test", "POST", "/api/v1/api-keys")
                .json(Map.of("name", "Payment provider " + UUID.randomUUID(), "scopes", List.of("process:operate")))
                .send()
                .expect(201)
                .json()
                .get("key")
                .asText();
    }

    private ProcessInstance waitingForPayment() {
        ProcessInstance instance = started();
        prepareInvoice(instance);
        return instance;
    }

    /** A clerk completes the instance's user task through the API, so it goes on to wait for the payment. */
    private void prepareInvoice(ProcessInstance instance) {
        String task = api
                .as("acme", "admin@acme.test", "GET", "/api/v1/tasks?view=all&processKey=payment-wait&limit=200")
                .send()
                .expect(200)
                .json()
                .findParents("processInstanceId")
                .stream()
                .filter(t -> t.get("processInstanceId").asText().equals(instance.getId()))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asText();
        api.as("acme", "admin@acme.test", "POST", "/api/v1/tasks/" + task + "/complete")
                .json(Map.of())
                .send()
                .expect(204);
    }

    private ProcessInstance started() {
        return runtime.createProcessInstanceByKey("payment-wait")
                .processDefinitionTenantId("acme")
                .businessKey("invoice:" + UUID.randomUUID())
                .setVariable("invoiceNumber", "INV-" + UUID.randomUUID())
                .execute();
    }

    private Api.Response send(Map<String, Object> message) {
        return api.post("/api/v1/messages").bearer(apiKey).json(message).send();
    }

    private boolean ended(ProcessInstance instance) {
        return runtime.createProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .count()
                == 0;
    }

    @Test
    void aMessageWithAnApiKeyAdvancesTheOneWaitingInstance() {
        ProcessInstance instance = waitingForPayment();

        JsonNode outcome = send(Map.of(
                        "messageName", "OrderPaid",
                        "businessKey", instance.getBusinessKey(),
                        "variables", Map.of("amountPaid", 1200.5, "paidBy", "card")))
                .expect(200)
                .json();

        assertThat(outcome.get("status").asText()).isEqualTo("delivered");
        assertThat(outcome.get("processInstanceId").asText()).isEqualTo(instance.getId());
        assertThat(ended(instance)).isTrue();
    }

    @Test
    void noWaitingInstanceIs404AndSeveralAre409() {
        ProcessInstance one = waitingForPayment();
        ProcessInstance two = waitingForPayment();

        send(Map.of("messageName", "OrderPaid", "businessKey", "invoice:none")).expect(404);
        send(Map.of("messageName", "NoSuchMessage", "businessKey", one.getBusinessKey()))
                .expect(404);
        send(Map.of("messageName", "OrderPaid", "correlationKeys", Map.of("paymentMethod", "none")))
                .expect(404);
        JsonNode ambiguous = api.post("/api/v1/messages")
                .bearer(apiKey)
                .json(Map.of("messageName", "OrderPaid"))
                .send()
                .expect(400)
                .json();
        assertThat(ambiguous.get("errors").get(0).get("field").asText()).isEqualTo("businessKey");
        runtime.setVariable(one.getId(), "customer", "C-1");
        runtime.setVariable(two.getId(), "customer", "C-1");
        send(Map.of("messageName", "OrderPaid", "correlationKeys", Map.of("customer", "C-1")))
                .expect(409);
        assertThat(ended(one)).isFalse();
        assertThat(ended(two)).isFalse();
    }

    @Test
    void badMessagesAreRefusedFieldByField() {
        assertField(send(Map.of("messageName", "Payment Received!", "businessKey", "x")), "messageName");
        assertField(
                send(Map.of("messageName", "OrderPaid", "businessKey", "x", "variables", Map.of("a", List.of(1)))),
                "variables.a");
        assertField(send(Map.of("messageName", "OrderPaid", "businessKey", "x", "bufferFor", "forever")), "bufferFor");
        assertField(send(Map.of("messageName", "OrderPaid", "businessKey", "x", "tenant", "globex")), "tenant");
    }

    @Test
    void fiftyConcurrentCorrelationsAdvanceTheInstanceOnceAndNoneFails() throws Exception {
        ProcessInstance instance = waitingForPayment();
        Map<String, Object> message = Map.of("messageName", "OrderPaid", "businessKey", instance.getBusinessKey());

        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> send(message).status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).allMatch(s -> s == 200 || s == 404 || s == 409, "200, 404 or 409");
        } finally {
            pool.shutdownNow();
        }
        assertThat(ended(instance)).isTrue();
    }

    @Test
    void aMessageThatComesBeforeItsInstanceWaitsIsKeptAndDelivered() {
        ProcessInstance instance = started();
        JsonNode outcome = send(Map.of(
                        "messageName", "OrderPaid",
                        "businessKey", instance.getBusinessKey(),
                        "bufferFor", "PT2M"))
                .expect(202)
                .json();
        assertThat(outcome.get("status").asText()).isEqualTo("buffered");
        assertThat(ended(instance)).isFalse();

        prepareInvoice(instance);

        await().atMost(Duration.ofSeconds(90)).until(() -> ended(instance));
    }
}
