package io.salesflow.connectors.mail;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Outgoing mail, route {@code smtp-send}: an {@link OutgoingMail} in the body and the workspace's {@link SmtpServer}
 * in the {@value #SERVER} exchange property (so neither the server's login nor the message ever appears in an
 * endpoint URI), sent with Jakarta Mail behind a Resilience4j circuit breaker. A server that keeps failing opens the
 * circuit: for a while calls fail at once with {@link MailDeliveryException.Kind#CIRCUIT_OPEN} and the caller (the
 * outbox) tries later. Refusals for good (5xx, bad addresses) are answers of a working server: they do not count
 * against it, and come back in the {@value #REFUSED} property.
 */
@Component
@EnableConfigurationProperties(SmtpProperties.class)
public class SmtpRoutes extends RouteBuilder {

    /** The exchange property holding the {@link SmtpServer}. */
    public static final String SERVER = "salesflow.smtpServer";

    /** The exchange property holding the server's refusal for good, a {@link MailDeliveryException}. */
    public static final String REFUSED = "salesflow.smtpRefused";

    /** The exchange property the route answers the server's last reply in. */
    public static final String REPLY = "salesflow.smtpReply";

    private final SmtpProperties properties;
    private final SmtpTransport transport;

    public SmtpRoutes(SmtpProperties properties, MimeMessages mime) {
        this.properties = properties;
        this.transport = new SmtpTransport(properties, mime);
    }

    @Override
    public void configure() {
        from(properties.endpoint())
                .routeId("smtp-send")
                .circuitBreaker()
                .resilience4jConfiguration()
                .slidingWindowSize(properties.circuitWindow())
                .minimumNumberOfCalls(properties.circuitMinimumCalls())
                .failureRateThreshold(properties.circuitFailureRate())
                .waitDurationInOpenState(
                        (int) Math.max(1, properties.circuitOpenFor().toSeconds()))
                .throwExceptionWhenHalfOpenOrOpenState(true)
                .end()
                .process(exchange -> {
                    SmtpServer server = exchange.getProperty(SERVER, SmtpServer.class);
                    OutgoingMail mail = exchange.getMessage().getMandatoryBody(OutgoingMail.class);
                    try {
                        exchange.setProperty(REPLY, transport.send(server, mail));
                    } catch (MailDeliveryException e) {
                        if (e.kind() != MailDeliveryException.Kind.PERMANENT) {
                            throw e;
                        }
                        // The server is up and answered: a refusal for good is no failure of the call.
                        exchange.setProperty(REFUSED, e);
                    }
                })
                .end();
    }
}
