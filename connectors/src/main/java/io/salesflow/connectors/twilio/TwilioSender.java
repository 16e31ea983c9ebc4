package io.salesflow.connectors.twilio;

import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Service;

/** Sends text messages through the {@code twilio-send} route; called by the outbox relay, never in a request. */
@Service
public class TwilioSender {

    private final ProducerTemplate producer;

    TwilioSender(ProducerTemplate producer) {
        this.producer = producer;
    }

    public TextMessageResult send(TextMessageRequest request) {
        return producer.requestBody(TwilioRoutes.SEND, request, TextMessageResult.class);
    }
}
