package io.salesflow.hooks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Inbound webhooks.
 *
 * @param maxBodySize the largest body an endpoint takes (413 beyond)
 */
@ConfigurationProperties("salesflow.hooks")
public record HookProperties(@DefaultValue("256KB") DataSize maxBodySize) {}
