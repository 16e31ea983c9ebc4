package io.salesflow.platform.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the public API.
 *
 * @param maxBodySize largest JSON request body accepted (uploads have their own limits)
 * @param maxEngineBodySize largest request body of the engine's REST API and webapps (deployments, variables)
 * @param idempotencyRetention how long an {@code Idempotency-Key} and its response are kept
 */
@ConfigurationProperties("salesflow.api")
public record ApiProperties(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("10MB") DataSize maxEngineBodySize,
        @DefaultValue("24h") Duration idempotencyRetention) {}
