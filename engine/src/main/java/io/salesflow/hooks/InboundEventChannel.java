package io.salesflow.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.identity.Caller;
import io.salesflow.identity.OnBehalf;
import io.salesflow.lead.Leads;
import io.salesflow.outbox.DeliveryOutcome;
import io.salesflow.outbox.OutboxChannel;
import io.salesflow.outbox.OutboxItem;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.request.RequestContext;
import io.salesflow.platform.request.RequestMetadata;
import io.salesflow.process.message.MessageRequest;
import io.salesflow.process.message.Messages;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The worker that maps received events, through the outbox relay (never in the vendor's request): as the admin who
 * configured the endpoint, with only the permissions the mapping needs, it creates the lead through the lead intake
 * (dedupe, scoring, routing) or delivers the process message through {@link Messages}, and marks the event processed in
 * the same transaction, so a redelivered outbox row never does the work twice. What the mapping or the process refuses
 * fails the event at once with the reason; anything else is tried again on the outbox's schedule, and fails the event
 * when the relay gives up.
 */
@Component
class InboundEventChannel implements OutboxChannel {

    static final String NAME = "inbound-webhook";
    /** What the worker may do for the admin: create leads and hand messages to processes, nothing else. */
    private static final List<String> HELD = List.of("leads:read", "leads:write", "process:operate");

    private static final Logger log = LoggerFactory.getLogger(InboundEventChannel.class);

    private final InboundEventStore events;
    private final InboundEndpointStore endpoints;
    private final OnBehalf onBehalf;
    private final Leads leads;
    private final Messages messages;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionTemplate transactions;

    InboundEventChannel(
            InboundEventStore events,
            InboundEndpointStore endpoints,
            OnBehalf onBehalf,
            Leads leads,
            Messages messages,
            ObjectMapper json,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.events = events;
        this.endpoints = endpoints;
        this.onBehalf = onBehalf;
        this.leads = leads;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DeliveryOutcome deliver(OutboxItem item) {
        UUID eventId = item.subjectId();
        Optional<InboundEndpoint> endpoint = transactions.execute(s -> events.lock(eventId)
                .filter(e -> e.status().equals("RECEIVED"))
                .flatMap(e -> endpoints.find(e.endpointId())));
        if (endpoint.isEmpty()) {
            return DeliveryOutcome.delivered("already processed, failed or removed");
        }
        Optional<Caller> caller =
                transactions.execute(s -> onBehalf.caller(endpoint.get().createdBy(), HELD));
        if (caller.isEmpty()) {
            return fail(eventId, "the user who configured the endpoint is no longer active; an admin must recreate it");
        }
        RequestContext.Actor actor = new RequestContext.Actor(
                RequestContext.Actor.Type.SYSTEM,
                null,
                "inbound webhook " + endpoint.get().slug());
        try {
            String result = onBehalf.call(
                    caller.get(),
                    actor,
                    new RequestMetadata("webhook:" + eventId, null, null),
                    () -> transactions.execute(s -> process(eventId, endpoint.get())));
            return DeliveryOutcome.delivered(result == null ? "already processed" : result);
        } catch (Problem p) {
            return fail(eventId, reason(p));
        } catch (InboundMappings.Unmappable e) {
            return fail(eventId, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Inbound webhook event {} failed an attempt, tried again later", eventId, e);
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            transactions.executeWithoutResult(s -> events.attemptFailed(eventId, reason));
            return DeliveryOutcome.retry(reason);
        }
    }

    @Override
    public void gaveUp(OutboxItem item, String reason) {
        transactions.executeWithoutResult(s -> events.failed(item.subjectId(), "gave up: " + reason, now()));
    }

    /** Mapping retried on the outbox's schedule, but not for days: a vendor's event is stale after a few hours. */
    @Override
    public Optional<Duration> retryDelay(int attempt) {
        List<Duration> schedule = List.of(
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Duration.ofMinutes(2),
                Duration.ofMinutes(10),
                Duration.ofMinutes(30));
        return attempt <= schedule.size() ? Optional.of(schedule.get(attempt - 1)) : Optional.empty();
    }

    /** Maps the event and marks it processed, in one transaction; null when another worker got there first. */
    private String process(UUID eventId, InboundEndpoint endpoint) {
        InboundEventStore.Stored event = events.lock(eventId).orElse(null);
        if (event == null || !event.status().equals("RECEIVED")) {
            return null;
        }
        JsonNode payload = payload(event);
        JsonNode mapping = read(endpoint.mapping().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String result;
        try {
            if (InboundEndpoint.CREATE_LEAD.equals(endpoint.action())) {
                InboundLeadMapping lead = json.treeToValue(mapping.get("lead"), InboundLeadMapping.class);
                result = "lead:" + leads.add(InboundMappings.leadBody(lead, payload, json));
            } else {
                InboundMessageMapping message = json.treeToValue(mapping.get("message"), InboundMessageMapping.class);
                Messages.Outcome outcome =
                        messages.send(MessageRequest.read(InboundMappings.messageBody(message, payload, json)));
                result = outcome.status().equals("delivered")
                        ? "process-instance:" + outcome.processInstanceId()
                        : "buffered:" + outcome.messageId() + " until " + outcome.expiresAt();
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored mapping of endpoint " + endpoint.id() + " does not read", e);
        }
        events.processed(eventId, result, now());
        return result;
    }

    private JsonNode payload(InboundEventStore.Stored event) {
        String type = event.contentType() == null ? "" : event.contentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            try {
                return FormBodies.asJson(event.payload(), json);
            } catch (IllegalArgumentException e) {
                throw new InboundMappings.Unmappable("the form body does not decode: " + e.getMessage());
            }
        }
        JsonNode payload = read(event.payload());
        if (!payload.isObject() && !payload.isArray()) {
            throw new InboundMappings.Unmappable("the body is not a JSON object");
        }
        return payload;
    }

    private JsonNode read(byte[] bytes) {
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new InboundMappings.Unmappable("the body is empty");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InboundMappings.Unmappable("the body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InboundMappings.Unmappable("the body does not read: " + e.getMessage());
        }
    }

    private DeliveryOutcome fail(UUID eventId, String reason) {
        transactions.executeWithoutResult(s -> events.failed(eventId, reason, now()));
        return DeliveryOutcome.giveUp(reason);
    }

    private static String reason(Problem p) {
        StringBuilder reason = new StringBuilder(p.getMessage() == null ? p.title() : p.getMessage());
        for (Problem.FieldError error : p.fieldErrors()) {
            reason.append("; ").append(error.field()).append(": ").append(error.message());
        }
        return reason.toString();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
