package io.salesflow.support;

import io.salesflow.outbox.DeliveryOutcome;
import io.salesflow.outbox.OutboxChannel;
import io.salesflow.outbox.OutboxItem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.springframework.boot.test.context.TestComponent;

/**
 * An outbox channel for tests of the relay itself: it remembers every delivery and answers what the test tells it
 * to for a subject (delivered, when nothing is said). Retries follow a short schedule of two attempts.
 */
@TestComponent
public class ProbeChannel implements OutboxChannel {

    public static final String NAME = "test-probe";

    public final List<OutboxItem> deliveries = new CopyOnWriteArrayList<>();
    public final List<OutboxItem> givenUp = new CopyOnWriteArrayList<>();
    private final Map<UUID, Function<OutboxItem, DeliveryOutcome>> answers = new ConcurrentHashMap<>();

    public void answer(UUID subject, Function<OutboxItem, DeliveryOutcome> answer) {
        answers.put(subject, answer);
    }

    public List<OutboxItem> deliveriesOf(UUID subject) {
        return deliveries.stream().filter(d -> d.subjectId().equals(subject)).toList();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DeliveryOutcome deliver(OutboxItem item) {
        deliveries.add(item);
        return answers.getOrDefault(item.subjectId(), i -> DeliveryOutcome.delivered("ok"))
                .apply(item);
    }

    @Override
    public void gaveUp(OutboxItem item, String reason) {
        givenUp.add(item);
    }

    @Override
    public Optional<Duration> retryDelay(int attempt) {
        return attempt < 2 ? Optional.of(Duration.ZERO) : Optional.empty();
    }
}
