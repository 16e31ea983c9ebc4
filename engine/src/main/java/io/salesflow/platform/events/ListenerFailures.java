package io.salesflow.platform.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Records each failed run of an after-commit listener on its publication (attempts, the error, when to try again)
 * and counts it in {@code salesflow.events.failures}. Spring Modulith leaves the publication incomplete and
 * rethrows, so the failure arrives here as the uncaught exception of the {@code @Async} listener method.
 */
@Component
class ListenerFailures implements AsyncUncaughtExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ListenerFailures.class);
    private static final int MAX_ERROR_LENGTH = 2000;

    private final PublicationFailureStore store;
    private final EventSerializer serializer;
    private final EventProperties properties;
    private final MeterRegistry meters;

    ListenerFailures(
            PublicationFailureStore store,
            EventSerializer serializer,
            EventProperties properties,
            MeterRegistry meters) {
        this.store = store;
        this.serializer = serializer;
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public void handleUncaughtException(Throwable error, Method method, Object... params) {
        if (params.length != 1 || !AnnotatedElementUtils.hasAnnotation(method, TransactionalEventListener.class)) {
            log.error("Background method {} failed", method, error);
            return;
        }
        String listener = new TransactionalApplicationListenerMethodAdapter(
                        method.getName(), method.getDeclaringClass(), method)
                .getListenerId();
        Counter.builder("salesflow.events.failures")
                .description("Failed runs of after-commit event listeners")
                .tag("listener", listener)
                .register(meters)
                .increment();
        String message = describe(error);
        int attempts;
        try {
            attempts = store.recordFailure(
                    listener,
                    serializer.serialize(params[0]).toString(),
                    message,
                    properties.retryBackoff(),
                    properties.retryBackoffMax());
        } catch (RuntimeException e) {
            log.error("Listener {} failed ({}) and the failure could not be recorded", listener, message, e);
            return;
        }
        log.warn(
                "Listener {} failed (failure {} of its publication; it runs again later): {}",
                listener,
                attempts,
                message);
        log.debug("Failure of listener {}", listener, error);
    }

    private static String describe(Throwable error) {
        String text = error.getClass().getName() + ": " + error.getMessage();
        Throwable root = NestedExceptionUtils.getMostSpecificCause(error);
        if (root != error) {
            text += " (caused by " + root.getClass().getName() + ": " + root.getMessage() + ")";
        }
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }
}
