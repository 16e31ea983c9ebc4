package io.salesflow.connectors.webhook;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Outgoing webhook calls: {@value #DELIVER} takes a {@link WebhookCall} and answers a {@link WebhookAnswer} from the
 * {@link WebhookSender} the application configures. Retries, schedules and the delivery log are the caller's (the
 * engine's outbox channel); this route makes one guarded call.
 */
@Component
public class OutboundWebhookRoutes extends RouteBuilder {

    public static final String DELIVER = "direct:webhook-deliver";
    public static final String ROUTE_ID = "webhook-deliver";

    private final ObjectProvider<WebhookSender> sender;

    public OutboundWebhookRoutes(ObjectProvider<WebhookSender> sender) {
        this.sender = sender;
    }

    @Override
    public void configure() {
        from(DELIVER).routeId(ROUTE_ID).process(exchange -> exchange.getMessage()
                .setBody(sender.getObject().send(exchange.getMessage().getMandatoryBody(WebhookCall.class))));
    }
}
