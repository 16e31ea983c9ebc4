package io.salesflow.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The domain events a webhook may subscribe to, under the names receivers see in {@code type}. */
public enum WebhookEventType {
    LEAD_CREATED("lead.created", "A lead was created (by hand, form, API or import)"),
    LEAD_STATUS_CHANGED("lead.status_changed", "A lead moved from one status to another"),
    LEAD_ASSIGNED("lead.assigned", "A lead's owner or team changed"),
    LEAD_CONVERTED("lead.converted", "A lead became a contact (and an account, perhaps a deal)"),
    CONTACT_CREATED("contact.created", "A contact was created"),
    DEAL_CREATED("deal.created", "A deal was created"),
    DEAL_STAGE_CHANGED("deal.stage_changed", "A deal moved to another stage"),
    DEAL_WON("deal.won", "A deal was won"),
    DEAL_LOST("deal.lost", "A deal was lost");

    private final String publicName;
    private final String description;

    WebhookEventType(String publicName, String description) {
        this.publicName = publicName;
        this.description = description;
    }

    public String publicName() {
        return publicName;
    }

    public String description() {
        return description;
    }

    public static Optional<WebhookEventType> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.publicName.equals(name)).findFirst();
    }
}
