package io.salesflow.connectors.mail;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends one email through the {@code smtp-send} route and answers the server's reply; throws a
 * {@link MailDeliveryException} when it was not taken. Blocking: call it from a worker (the outbox relay), never
 * in a user's request.
 */
@Component
public class MailRelay {

    private final ProducerTemplate producer;
    private final SmtpProperties properties;

    public MailRelay(ProducerTemplate producer, SmtpProperties properties) {
        this.producer = producer;
        this.properties = properties;
    }

    public String send(SmtpServer server, OutgoingMail mail) {
        Exchange result = producer.send(properties.endpoint(), exchange -> {
            exchange.setProperty(SmtpRoutes.SERVER, server);
            exchange.getMessage().setBody(mail);
        });
        Throwable failure = result.getException();
        MailDeliveryException refused = result.getProperty(SmtpRoutes.REFUSED, MailDeliveryException.class);
        if (refused != null) {
            throw refused;
        }
        if (failure == null) {
            String reply = result.getProperty(SmtpRoutes.REPLY, String.class);
            if (reply != null) {
                return reply;
            }
            // The breaker answered without calling the server and without saying why: nothing was sent.
            throw new MailDeliveryException(
                    MailDeliveryException.Kind.CIRCUIT_OPEN, "The mail server was not called; sending is paused", null);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MailDeliveryException delivery) {
                throw delivery;
            }
            if (cause instanceof CallNotPermittedException) {
                throw new MailDeliveryException(
                        MailDeliveryException.Kind.CIRCUIT_OPEN,
                        "The mail server failed repeatedly; sending is paused for a while",
                        cause);
            }
        }
        throw new MailDeliveryException(MailDeliveryException.Kind.TRANSIENT, failure.toString(), failure);
    }
}
