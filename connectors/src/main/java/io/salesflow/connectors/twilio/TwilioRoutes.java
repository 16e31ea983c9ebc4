package io.salesflow.connectors.twilio;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Twilio's routes. {@code twilio-send} sends one text message through the workspace's account behind a circuit
 * breaker: repeated failures (5xx, timeouts) open it, and while it is open sends answer
 * {@link TextMessageResult.Kind#UNAVAILABLE} at once, so the outbox tries them again later instead of waiting on
 * a Twilio that is down.
 */
@Component
class TwilioRoutes extends RouteBuilder {

    static final String SEND = "direct:twilio-send";

    private final TwilioProperties properties;

    TwilioRoutes(TwilioProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        from(SEND)
                .routeId("twilio-send")
                .circuitBreaker()
                .resilience4jConfiguration()
                .failureRateThreshold(properties.circuitFailureRate())
                .minimumNumberOfCalls(properties.circuitMinimumCalls())
                .slidingWindowSize(properties.circuitMinimumCalls())
                .waitDurationInOpenState((int) properties.circuitOpenFor().toSeconds())
                .end()
                .bean(TwilioMessages.class, "send")
                .onFallback()
                .bean(TwilioMessages.class, "unavailable")
                .end();
    }
}
