package io.salesflow.outbox;

import java.time.Duration;
import java.util.List;

/**
 * One kind of outgoing message (email, text message, webhook call) and how to deliver it. The relay calls
 * {@link #deliver} outside any transaction with the item's tenant set; the channel loads what it delivers by
 * {@link OutboxItem#subjectId()}, sends it under {@link OutboxItem#messageKey()} (so a repeated delivery carries the
 * same id) and records the result on its own record.
 */
public interface OutboxChannel {

    /** The name items of this channel are enqueued under, such as {@code email}. */
    String name();

    DeliveryOutcome deliver(OutboxItem item);

    /** Called once when the relay gives an item up: the channel marks its record and raises what must be seen. */
    default void gaveUp(OutboxItem item, String reason) {}

    /** How long to wait before the attempt after {@code attempt} failed; empty when no attempt is left. */
    default java.util.Optional<Duration> retryDelay(int attempt) {
        List<Duration> schedule = List.of(
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Duration.ofMinutes(2),
                Duration.ofMinutes(10),
                Duration.ofMinutes(30),
                Duration.ofHours(2),
                Duration.ofHours(6));
        return attempt <= schedule.size()
                ? java.util.Optional.of(schedule.get(attempt - 1))
                : java.util.Optional.empty();
    }
}
