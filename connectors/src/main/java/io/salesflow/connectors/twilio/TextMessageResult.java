package io.salesflow.connectors.twilio;

/**
 * What Twilio said to one send.
 *
 * @param sid Twilio's MessageSid when it took the message
 * @param status Twilio's status of a taken message (queued, accepted, sent...)
 * @param errorCode Twilio's error code when it refused the message (21211: not a valid number)
 */
public record TextMessageResult(Kind kind, String sid, String status, Integer errorCode, String detail) {

    public enum Kind {
        /** Twilio took the message. */
        ACCEPTED,
        /** Twilio refused it for good (a 4xx other than 429). */
        REJECTED,
        /** Twilio asked to slow down (429). */
        RATE_LIMITED,
        /** Twilio failed or was not reached, or the circuit is open: try again later. */
        UNAVAILABLE
    }

    static TextMessageResult accepted(String sid, String status) {
        return new TextMessageResult(Kind.ACCEPTED, sid, status, null, null);
    }

    static TextMessageResult rejected(Integer errorCode, String detail) {
        return new TextMessageResult(Kind.REJECTED, null, null, errorCode, detail);
    }

    static TextMessageResult rateLimited(String detail) {
        return new TextMessageResult(Kind.RATE_LIMITED, null, null, null, detail);
    }

    static TextMessageResult unavailable(String detail) {
        return new TextMessageResult(Kind.UNAVAILABLE, null, null, null, detail);
    }
}
