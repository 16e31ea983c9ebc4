package io.salesflow.connectors.mail;

import jakarta.mail.MessagingException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Outgoing mail, route {@code smtp-send}: an {@link OutgoingMail} in the body and the workspace's {@link SmtpServer}
 * in the {@value #SERVER} exchange property, mapped to MIME by {@link MimeMessages} and sent through camel-mail's
 * {@code smtp:} endpoint ({@code salesflow.connectors.smtp.transport}) behind a Resilience4j circuit breaker.
 * Neither the server's login nor the message ever appears in an endpoint URI: the endpoint's
 * {@link WorkspaceMailSender} takes the server from the message's session. A server that keeps failing opens the
 * circuit: for a while calls fail at once and the caller (the outbox) tries later. Refusals for good (5xx, bad
 * addresses) are answers of a working server: they do not count against it, and come back in the {@value #REFUSED}
 * property.
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

    /** The registry name of the endpoint's {@link WorkspaceMailSender}, as the transport URI refers to it. */
    static final String SENDER_BEAN = "workspaceMailSender";

    private final SmtpProperties properties;
    private final MimeMessages mime;

    public SmtpRoutes(SmtpProperties properties, MimeMessages mime) {
        this.properties = properties;
        this.mime = mime;
    }

    @Override
    public void configure() {
        bindToRegistry(SENDER_BEAN, new WorkspaceMailSender());
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
                .doTry()
                .process(this::toMime)
                .to(properties.transport())
                .process(exchange -> exchange.setProperty(
                        REPLY,
                        exchange.getMessage().getBody(OutgoingMimeMessage.class).serverReply()))
                .doCatch(MailDeliveryException.class)
                .onWhen(SmtpRoutes::refusedForGood)
                // The server is up and answered: a refusal for good is no failure of the call.
                .process(exchange -> exchange.setProperty(REFUSED, caught(exchange)))
                .end()
                .end();
    }

    private void toMime(Exchange exchange) throws Exception {
        SmtpServer server = exchange.getProperty(SERVER, SmtpServer.class);
        OutgoingMail mail = exchange.getMessage().getMandatoryBody(OutgoingMail.class);
        try {
            exchange.getMessage().setBody(mime.toMime(SmtpSessions.open(server, properties), mail));
        } catch (MessagingException e) {
            throw new MailDeliveryException(
                    MailDeliveryException.Kind.PERMANENT, "The message cannot be sent: " + e.getMessage(), e);
        }
    }

    private static boolean refusedForGood(Exchange exchange) {
        MailDeliveryException failure = caught(exchange);
        return failure != null && failure.kind() == MailDeliveryException.Kind.PERMANENT;
    }

    /** The delivery failure being handled: on the exchange while the catch decides, in a property once it does. */
    private static MailDeliveryException caught(Exchange exchange) {
        Throwable e = exchange.getException() != null
                ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MailDeliveryException delivery) {
                return delivery;
            }
        }
        return null;
    }
}
