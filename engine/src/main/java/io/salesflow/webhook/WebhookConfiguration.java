package io.salesflow.webhook;

import io.salesflow.connectors.webhook.WebhookAddressGuard;
import io.salesflow.connectors.webhook.WebhookSender;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SSRF guard and the guarded HTTP client of the {@code webhook-deliver} route, from the webhook settings. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    WebhookAddressGuard webhookAddressGuard(WebhookProperties properties) {
        return new WebhookAddressGuard(properties.allowedNetworks());
    }

    @Bean(destroyMethod = "close")
    WebhookSender webhookSender(WebhookAddressGuard guard, WebhookProperties properties) {
        return new WebhookSender(guard, properties.timeout());
    }
}
