package io.salesflow.webhook;

import io.salesflow.contact.ContactCreated;
import io.salesflow.deal.DealCreated;
import io.salesflow.deal.DealLost;
import io.salesflow.deal.DealStageChanged;
import io.salesflow.deal.DealWon;
import io.salesflow.lead.LeadAssignmentChanged;
import io.salesflow.lead.LeadConverted;
import io.salesflow.lead.LeadCreated;
import io.salesflow.lead.LeadStatusChanged;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the domain events subscriptions may ask for into webhook deliveries, inside the transaction that published
 * them: the deliveries and their outbox rows commit with the change, or not at all. The data are ids and plain
 * values; a receiver reads the rest through the API.
 */
@Component
class WebhookEventFeed {

    private final WebhookDeliveries deliveries;

    WebhookEventFeed(WebhookDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @EventListener
    void on(LeadCreated event) {
        deliveries.publish(
                event.tenantId(),
                WebhookEventType.LEAD_CREATED,
                data("leadId", event.leadId(), "ownerId", event.ownerId(), "source", event.source()));
    }

    @EventListener
    void on(LeadStatusChanged event) {
        deliveries.publish(
                event.tenantId(),
                WebhookEventType.LEAD_STATUS_CHANGED,
                data("leadId", event.leadId(), "from", event.from(), "to", event.to()));
    }

    @EventListener
    void on(LeadAssignmentChanged event) {
        deliveries.publish(
                event.tenantId(),
                WebhookEventType.LEAD_ASSIGNED,
                data(
                        "leadId", event.leadId(),
                        "previousOwnerId", event.previousOwnerId(),
                        "ownerId", event.ownerId(),
                        "previousTeamId", event.previousTeamId(),
                        "teamId", event.teamId()));
    }

    @EventListener
    void on(LeadConverted event) {
        deliveries.publish(
                event.tenantId(),
                WebhookEventType.LEAD_CONVERTED,
                data(
                        "leadId", event.leadId(),
                        "contactId", event.contactId(),
                        "accountId", event.accountId(),
                        "dealId", event.dealId()));
    }

    @EventListener
    void on(ContactCreated event) {
        deliveries.publish(
                event.tenantId(),
                WebhookEventType.CONTACT_CREATED,
                data("contactId", event.contactId(), "accountId", event.accountId(), "ownerId", event.ownerId()));
    }

    @EventListener
    void on(DealCreated event) {
        deliveries.publish(
                event.tenantId(),
                WebhookEventType.DEAL_CREATED,
                data(
                        "dealId", event.dealId(),
                        "pipelineId", event.pipelineId(),
                        "stageId", event.stageId(),
                        "ownerId", event.ownerId()));
    }

    @EventListener
    void on(DealStageChanged event) {
        deliveries.publish(
                event.tenantId(),
                WebhookEventType.DEAL_STAGE_CHANGED,
                data("dealId", event.dealId(), "fromStageId", event.fromStageId(), "toStageId", event.toStageId()));
    }

    @EventListener
    void on(DealWon event) {
        deliveries.publish(
                event.tenantId(),
                WebhookEventType.DEAL_WON,
                data(
                        "dealId", event.dealId(),
                        "amount", event.amount() == null ? null : event.amount().toPlainString(),
                        "currency", event.currency()));
    }

    @EventListener
    void on(DealLost event) {
        deliveries.publish(
                event.tenantId(),
                WebhookEventType.DEAL_LOST,
                data("dealId", event.dealId(), "lostReasonId", event.lostReasonId()));
    }

    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            data.put((String) pairs[i], value instanceof UUID ? value.toString() : value);
        }
        return data;
    }
}
