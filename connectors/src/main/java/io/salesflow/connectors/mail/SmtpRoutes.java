package io.salesflow.connectors.mail;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Outgoing mail, route {@code smtp-send}: an {@link OutgoingMail} in the body and the workspace's {@link SmtpServer}
 * in the {@value #SERVER} exchange property (so neither the server's login nor the message ever appears in an
 * endpoint URI), sent with Jakarta Mail behind a Resilience4j circuit breaker. A server that keeps failing opens the
 * circuit: for a while calls fail at once with {@link MailDeliveryException.Kind#CIRCUIT_OPEN} and the caller (the
 * outbox) tries later. Refusals for good (5xx, bad addresses) do not count against the server.
 */
@Component
@EnableConfigurationProperties(SmtpProperties.class)
public class SmtpRoutes extends RouteBuilder {

    /** The exchange property holding the {@link SmtpServer}. */
    public static final String SERVER = "salesflow.smtpServer";

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
                .ignoreException(PermanentFailure.class)
                .throwExceptionWhenHalfOpenOrOpenState(true)
                .end()
                .process(exchange -> {
                    SmtpServer server = exchange.getProperty(SERVER, SmtpServer.class);
                    OutgoingMail mail = exchange.getMessage().getMandatoryBody(OutgoingMail.class);
                    try {
                        exchange.setProperty(REPLY, transport.send(server, mail));
                    } catch (MailDeliveryException e) {
                        if (e.kind() == MailDeliveryException.Kind.PERMANENT) {
                            throw new PermanentFailure(e);
                        }
                        throw e;
                    }
                })
                .end();
    }

    /** A refusal for good, which says nothing about the server's health: the circuit ignores it. */
    static final class PermanentFailure extends RuntimeException {

        PermanentFailure(MailDeliveryException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
