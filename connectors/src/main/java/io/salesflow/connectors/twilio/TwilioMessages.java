package io.salesflow.connectors.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Maps a {@link TextMessageRequest} onto the Twilio SDK's Messages resource and Twilio's answer onto a
 * {@link TextMessageResult}. Twilio's refusals (4xx) and rate limits (429) are answers; a 5xx or an unreachable
 * Twilio is thrown, so the route's circuit breaker counts it.
 */
@Component
public class TwilioMessages {

    private final TwilioHttpClient http;

    TwilioMessages(TwilioProperties properties) {
        this.http = new TwilioHttpClient(properties);
    }

    public TextMessageResult send(TextMessageRequest request) {
        TwilioRestClient client = new TwilioRestClient.Builder(request.accountSid(), request.authToken())
                .accountSid(request.accountSid())
                .httpClient(http)
                .build();
        MessageCreator creator = creator(request);
        if (request.statusCallback() != null) {
            creator.setStatusCallback(URI.create(request.statusCallback()));
        }
        if (request.contentSid() != null) {
            creator.setContentSid(request.contentSid());
            if (request.contentVariables() != null) {
                creator.setContentVariables(request.contentVariables());
            }
        }
        try {
            Message message = creator.create(client);
            return TextMessageResult.accepted(
                    message.getSid(),
                    message.getStatus() == null ? null : message.getStatus().toString());
        } catch (ApiException e) {
            Integer status = e.getStatusCode();
            if (status != null && status == 429) {
                return TextMessageResult.rateLimited("Twilio answered 429: " + e.getMessage());
            }
            if (status != null && status >= 400 && status < 500) {
                return TextMessageResult.rejected(e.getCode(), e.getMessage());
            }
            throw new TwilioUnavailable(
                    "Twilio answered " + (status == null ? "an error" : status) + ": " + e.getMessage(), e);
        } catch (ApiConnectionException e) {
            throw new TwilioUnavailable("Twilio was not reached: " + e.getMessage(), e);
        }
    }

    /** The route's fallback: the send failed or the circuit is open, so it is tried again later. */
    public TextMessageResult unavailable(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return TextMessageResult.unavailable(
                failure == null ? "Twilio's circuit is open after repeated failures" : failure.getMessage());
    }

    private static MessageCreator creator(TextMessageRequest r) {
        PhoneNumber to = new PhoneNumber(r.to());
        if (r.messagingServiceSid() != null) {
            return r.body() != null
                    ? Message.creator(to, r.messagingServiceSid(), r.body())
                    : new MessageCreator(to, r.messagingServiceSid(), (String) null);
        }
        PhoneNumber from = new PhoneNumber(r.from());
        return r.body() != null ? Message.creator(to, from, r.body()) : new MessageCreator(to, from, (String) null);
    }

    /** Twilio failed (5xx) or could not be reached: worth another try, and counted by the circuit breaker. */
    public static class TwilioUnavailable extends RuntimeException {

        TwilioUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
