package io.salesflow.outbox;

import java.time.Duration;

/** What a channel says about one delivery attempt. */
public sealed interface DeliveryOutcome {

    /** The peer took the message. */
    record Delivered(String detail) implements DeliveryOutcome {}

    /** Try again: after {@code after} when given (a rate limit, a peer's Retry-After), else on the channel's schedule. */
    record Retry(String reason, Duration after) implements DeliveryOutcome {}

    /** Not attempted now, and not counted as an attempt: a send rate limit, the recipient's night. */
    record Deferred(String reason, Duration after) implements DeliveryOutcome {}

    /** Never try again (the peer refused it for good, the recipient is suppressed, the record is gone). */
    record GiveUp(String reason) implements DeliveryOutcome {}

    static DeliveryOutcome delivered(String detail) {
        return new Delivered(detail);
    }

    static DeliveryOutcome retry(String reason) {
        return new Retry(reason, null);
    }

    static DeliveryOutcome retryAfter(String reason, Duration after) {
        return new Retry(reason, after);
    }

    static DeliveryOutcome deferred(String reason, Duration after) {
        return new Deferred(reason, after);
    }

    static DeliveryOutcome giveUp(String reason) {
        return new GiveUp(reason);
    }
}
