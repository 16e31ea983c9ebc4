package io.salesflow.process.message;

import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.Problem;
import io.salesflow.process.TenantSwitch;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ExecutionQuery;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages from outside to waiting process instances ({@code POST /api/v1/messages}), in the caller's workspace
 * only: exactly one instance waiting for the message with the given keys gets it; none is a 404, several a 409.
 * With {@code bufferFor} a message that arrives before its instance reaches the wait state is kept and delivered
 * once it does ({@link MessageBuffered}).
 */
@Service
public class Messages {

    /** What became of a message: delivered to an instance, or kept until {@code expiresAt}. */
    public record Outcome(UUID messageId, String status, String processInstanceId, Instant expiresAt) {}

    private final RuntimeService runtime;
    private final TenantSwitch tenants;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final ObjectProvider<MessageCheck> checks;

    Messages(
            RuntimeService runtime,
            TenantSwitch tenants,
            ApplicationEventPublisher events,
            Clock clock,
            JdbcTemplate jdbc,
            ObjectProvider<MessageCheck> checks) {
        this.jdbc = jdbc;
        this.checks = checks;
        this.runtime = runtime;
        this.tenants = tenants;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Outcome send(MessageRequest request) {
        Caller caller = Caller.require();
        UUID id = UUID.randomUUID();
        serialise(caller.tenantSlug(), request);
        checks.orderedStream().filter(c -> c.checks(request.messageName())).forEach(c -> c.check(request));
        long waiting = waiting(caller.tenantSlug(), request).count();
        if (waiting > 1) {
            throw Problem.conflict(waiting + " process instances wait for " + request.messageName()
                    + " with these keys; add correlation keys that tell them apart");
        }
        if (waiting == 1) {
            String instance = deliver(caller.tenantSlug(), request);
            return new Outcome(id, "delivered", instance, null);
        }
        if (request.bufferFor() == null) {
            throw new Problem(
                    404,
                    "no-waiting-instance",
                    "No instance waits for this message",
                    "No process instance waits for " + request.messageName() + " with these keys; send bufferFor"
                            + " to keep the message until one does");
        }
        Instant expires = clock.instant().plus(request.bufferFor());
        events.publishEvent(new MessageBuffered(
                caller.tenantId(),
                id,
                request.messageName(),
                request.businessKey(),
                request.correlationKeys(),
                request.variables(),
                expires));
        return new Outcome(id, "buffered", null, expires);
    }

    /** Delivers a buffered message if exactly one instance waits for it now; whether it did. */
    boolean deliverBuffered(MessageBuffered message) {
        String slug = tenants.slugOf(message.tenantId());
        MessageRequest request = new MessageRequest(
                message.messageName(), message.businessKey(), message.correlationKeys(), message.variables(), null);
        serialise(slug, request);
        if (waiting(slug, request).count() != 1) {
            return false;
        }
        deliver(slug, request);
        return true;
    }

    /**
     * One correlation at a time for the same message and keys, until the transaction ends: the engine's own
     * optimistic locking lets a second correlation that raced the first fail deep inside with no clear answer; after
     * the lock it finds the instance moved on and gets a 404.
     */
    private void serialise(String slug, MessageRequest request) {
        String key = "message:" + slug + ":" + request.messageName() + ":" + request.businessKey() + ":"
                + new TreeMap<>(request.correlationKeys());
        jdbc.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> {}, key);
    }

    private ExecutionQuery waiting(String slug, MessageRequest request) {
        ExecutionQuery query =
                runtime.createExecutionQuery().tenantIdIn(slug).messageEventSubscriptionName(request.messageName());
        if (request.businessKey() != null) {
            query.processInstanceBusinessKey(request.businessKey());
        }
        request.correlationKeys().forEach(query::processVariableValueEquals);
        return query;
    }

    private String deliver(String slug, MessageRequest request) {
        MessageCorrelationBuilder correlation = runtime.createMessageCorrelation(request.messageName())
                .tenantId(slug)
                .setVariables(request.variables());
        if (request.businessKey() != null) {
            correlation.processInstanceBusinessKey(request.businessKey());
        }
        for (Map.Entry<String, Object> key : request.correlationKeys().entrySet()) {
            correlation.processInstanceVariableEquals(key.getKey(), key.getValue());
        }
        return correlation.correlateWithResult().getExecution().getProcessInstanceId();
    }
}
