package io.salesflow.process.connector;

import io.salesflow.platform.problem.Problem;
import io.salesflow.process.ProcessBean;
import io.salesflow.webhook.WebhookDeliveries;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The "call webhook" process action (element template {@code element-templates/call-webhook.json}): enqueues a
 * delivery of the process's own event to one subscription, in the engine's transaction, so it leaves only when
 * the step commits and then goes through the outbox like any webhook (signed, retried, logged). Reads
 * {@code webhookSubscriptionId}, {@code webhookEventType} ({@code process.} and a lowercase name) and, optionally,
 * {@code webhookData} (a map of plain values); adds the business key and process instance to the data; sets
 * {@code webhookDeliveryId}. A missing or disabled subscription raises the BPMN error {@code WEBHOOK_UNAVAILABLE}.
 */
@Component("callWebhook")
@ProcessBean("Call webhook: sends the process event webhookEventType with webhookData to the subscription"
        + " webhookSubscriptionId through the outbox; sets webhookDeliveryId")
class CallWebhookDelegate implements JavaDelegate {

    static final Pattern EVENT_TYPE = Pattern.compile("^process\\.[a-z][a-z0-9_.]{0,90}$");

    private final WebhookDeliveries deliveries;

    CallWebhookDelegate(WebhookDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object subscription = execution.getVariable("webhookSubscriptionId");
        Object type = execution.getVariable("webhookEventType");
        UUID subscriptionId;
        try {
            subscriptionId = UUID.fromString(String.valueOf(subscription));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhookSubscriptionId is not a subscription id: " + subscription);
        }
        if (!(type instanceof String eventType)
                || !EVENT_TYPE.matcher(eventType).matches()) {
            throw new IllegalArgumentException(
                    "webhookEventType must be process. and a lowercase name (process.order_confirmed): " + type);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        Object given = execution.getVariable("webhookData");
        if (given instanceof Map<?, ?> map) {
            map.forEach((key, value) -> data.put(String.valueOf(key), plain(value)));
        } else if (given != null) {
            throw new IllegalArgumentException("webhookData must be a map of plain values");
        }
        data.put("businessKey", execution.getProcessBusinessKey());
        data.put("processInstanceId", execution.getProcessInstanceId());
        try {
            UUID delivery = deliveries.enqueueTo(subscriptionId, eventType, data);
            execution.setVariable("webhookDeliveryId", delivery.toString());
        } catch (Problem e) {
            throw new BpmnError("WEBHOOK_UNAVAILABLE", e.getMessage());
        }
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return String.valueOf(value);
    }
}
