package io.salesflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.process.BeanCatalogue;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The "call webhook" process action: the shipped element template binds the catalogue's {@code callWebhook}
 * delegate, and a process step using it sends a signed delivery through the outbox to the subscription it names.
 */
@IntegrationTest
class WebhookProcessActionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    Api api;

    @Autowired
    BeanCatalogue catalogue;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Test
    void theElementTemplateNamesTheCatalogueDelegate() throws Exception {
        JsonNode template;
        try (InputStream in = getClass().getResourceAsStream("/element-templates/call-webhook.json")) {
            template = JSON.readTree(in);
        }
        assertThat(template.get("appliesTo")).extracting(JsonNode::asText).containsExactly("bpmn:ServiceTask");
        JsonNode delegate = null;
        for (JsonNode property : template.get("properties")) {
            if ("camunda:delegateExpression"
                    .equals(property.path("binding").path("name").asText())) {
                delegate = property;
            }
        }
        assertThat(delegate).isNotNull();
        assertThat(delegate.get("value").asText()).isEqualTo("${callWebhook}");
        assertThat(catalogue.names()).contains("callWebhook");
    }

    @Test
    void aProcessStepSendsItsEventToTheSubscription() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            receiver.script("/process", WebhookReceiver.Answer.of(200));
            JsonNode created = api.as("acme", "admin@acme.test", "POST", "/api/v1/webhook-subscriptions")
                    .json(Map.of("url", receiver.url("/process"), "eventTypes", List.of("deal.won")))
                    .send()
                    .expect(201)
                    .json();
            String subscriptionId = created.get("subscription").get("id").asText();
            try {
                String key = "call_webhook_"
                        + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
                BpmnModelInstance model = Bpmn.createExecutableProcess(key)
                        .camundaHistoryTimeToLive(1)
                        .startEvent()
                        .serviceTask("notify")
                        .camundaDelegateExpression("${callWebhook}")
                        .camundaInputParameter("webhookSubscriptionId", subscriptionId)
                        .camundaInputParameter("webhookEventType", "process.order_confirmed")
                        .camundaOutputParameter("webhookDeliveryId", "${webhookDeliveryId}")
                        .receiveTask("wait")
                        .endEvent()
                        .done();
                repository
                        .createDeployment()
                        .tenantId("acme")
                        .addModelInstance(key + ".bpmn", model)
                        .deploy();
                ProcessInstance instance = runtime.createProcessInstanceByKey(key)
                        .processDefinitionTenantId("acme")
                        .businessKey("deal:42")
                        .execute();

                await().atMost(Duration.ofSeconds(10))
                        .until(() -> receiver.at("/process").size() == 1);
                WebhookReceiver.Received received = receiver.at("/process").get(0);
                assertThat(WebhookReceiver.signedBy(
                                received, created.get("secret").asText()))
                        .isTrue();
                JsonNode payload = JSON.readTree(received.body());
                assertThat(payload.get("type").asText()).isEqualTo("process.order_confirmed");
                assertThat(payload.get("data").get("businessKey").asText()).isEqualTo("deal:42");
                assertThat(payload.get("data").get("processInstanceId").asText())
                        .isEqualTo(instance.getId());
                Object deliveryId = runtime.getVariable(instance.getId(), "webhookDeliveryId");
                JsonNode delivery = api.as("acme", "admin@acme.test", "GET", "/api/v1/webhook-deliveries/" + deliveryId)
                        .send()
                        .expect(200)
                        .json();
                assertThat(delivery.get("delivery").get("webhookId").asText()).isEqualTo(received.id());
                runtime.deleteProcessInstance(instance.getId(), "test done");
            } finally {
                api.as("acme", "admin@acme.test", "DELETE", "/api/v1/webhook-subscriptions/" + subscriptionId)
                        .send();
            }
        }
    }
}
