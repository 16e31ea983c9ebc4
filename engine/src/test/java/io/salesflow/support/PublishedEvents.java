package io.salesflow.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every domain event the application published, from any thread (Spring's ApplicationEvents sees only the
 * test's own thread, while the API handles requests on server threads).
 */
@Component
public class PublishedEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(Object event) {
        if (event.getClass().getPackageName().startsWith("io.salesflow")) {
            events.add(event);
        }
    }

    public <T> Stream<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast);
    }
}
