package io.salesflow.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email out.
 *
 * @param publicUrl where recipients reach this installation (the one-click unsubscribe links in List-Unsubscribe);
 *     https in production, as RFC 8058 asks
 */
@ConfigurationProperties("salesflow.email")
public record EmailProperties(@DefaultValue("http://localhost:8080") String publicUrl) {}
