package io.salesflow.hooks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Inbound webhooks.
 *
 * @param maxBodySize the largest body an endpoint takes (413 beyond)
 * @param eventRetention how long processed and failed events are kept (with their payloads and event ids, which
 *     deduplicate repeated deliveries); events not yet processed are kept until they are
 */
@ConfigurationProperties("salesflow.hooks")
public record HookProperties(
        @DefaultValue("256KB") DataSize maxBodySize, @DefaultValue("30d") java.time.Duration eventRetention) {}
