package io.salesflow.webhook;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outgoing webhooks.
 *
 * @param allowedNetworks CIDRs webhooks may call although they are private or loopback (an intranet receiver);
 *     {@code http} URLs are accepted only into these networks
 * @param timeout how long one call may take, connection and answer together
 * @param secretOverlap how long the previous signing secret still signs after a rotation
 * @param disableAfterFailures failed attempts in a row after which a subscription is disabled
 * @param maxSubscriptions subscriptions one tenant may have
 */
@ConfigurationProperties("salesflow.webhooks")
public record WebhookProperties(
        @DefaultValue List<String> allowedNetworks,
        @DefaultValue("15s") Duration timeout,
        @DefaultValue("24h") Duration secretOverlap,
        @DefaultValue("20") int disableAfterFailures,
        @DefaultValue("100") int maxSubscriptions) {}
