package io.salesflow.connectors.twilio;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The installation's Twilio settings ({@code salesflow.twilio}); each workspace's account and senders are its own.
 *
 * @param apiBaseUrl where Twilio's REST API is (tests point it at a local peer)
 * @param publicUrl the address Twilio reaches this installation at, as Twilio sees it (behind a proxy it differs
 *     from the request's): callback URLs are built from it and signatures are checked over it
 * @param connectTimeout how long to wait for a connection to Twilio
 * @param responseTimeout how long to wait for Twilio's answer
 * @param circuitFailureRate the share of failed sends (in percent) that opens the circuit
 * @param circuitMinimumCalls how many sends the failure rate is measured over before the circuit may open
 * @param circuitOpenFor how long an open circuit refuses sends before it lets one through again
 */
@ConfigurationProperties("salesflow.twilio")
public record TwilioProperties(
        @DefaultValue("https://api.twilio.com") URI apiBaseUrl,
        @DefaultValue("http://localhost:8080") URI publicUrl,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("15s") Duration responseTimeout,
        @DefaultValue("50") int circuitFailureRate,
        @DefaultValue("10") int circuitMinimumCalls,
        @DefaultValue("30s") Duration circuitOpenFor) {

    /** The public URL without a trailing slash. */
    public String publicBase() {
        String s = publicUrl.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
