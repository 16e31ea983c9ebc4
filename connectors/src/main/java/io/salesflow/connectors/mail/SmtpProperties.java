package io.salesflow.connectors.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code smtp-send} route: where it is reached, how long a mail server may take, and when its circuit opens.
 *
 * @param endpoint the route's input
 * @param transport camel-mail's endpoint the route sends through; it names no server (the workspace's comes with
 *     each message) but the sender bean that reads it from the message
 * @param timeout connect, read and write timeout of one SMTP conversation
 * @param circuitWindow calls the circuit looks at
 * @param circuitMinimumCalls calls before the circuit may open
 * @param circuitFailureRate percent of failed calls in the window that open the circuit
 * @param circuitOpenFor how long an open circuit refuses calls before letting a few through
 */
@ConfigurationProperties("salesflow.connectors.smtp")
public record SmtpProperties(
        @DefaultValue("direct:smtp-send") String endpoint,
        @DefaultValue("smtp://workspace-server?javaMailSender=#workspaceMailSender") String transport,
        @DefaultValue("15s") Duration timeout,
        @DefaultValue("10") int circuitWindow,
        @DefaultValue("5") int circuitMinimumCalls,
        @DefaultValue("50") float circuitFailureRate,
        @DefaultValue("30s") Duration circuitOpenFor) {}
