package io.salesflow.duplicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.audit.AuditLog;
import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.Problem;
import io.salesflow.records.ChangeReason;
import io.salesflow.records.CustomFields;
import io.salesflow.records.FieldHistory;
import io.salesflow.records.MergeParticipant;
import io.salesflow.records.RecordQueries;
import io.salesflow.records.RecordService;
import io.salesflow.records.RecordType;
import io.salesflow.records.RecordsMerged;
import io.salesflow.tenancy.TenantContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges leads, contacts or accounts into one survivor, all or nothing. The survivor keeps its own values except
 * for the fields the request chooses from another record (through the type's change use case: its rules, history
 * and audit apply); tags become the union of all. Every {@link MergeParticipant} then moves what points at the
 * merged records to the survivor, and the merged records are deleted the normal way (restorable within the restore
 * window), each noting in its history which record it was merged into.
 */
@Service
public class RecordMerges {

    /** Fields that are not chosen: the record's identity and times, the tags (always the union), custom fields whole. */
    private static final Set<String> NOT_CHOSEN =
            Set.of("id", "createdAt", "updatedAt", "version", "tags", "customFields");

    private static final int MAX_TAGS = 50;

    private final Map<String, RecordService> services = new LinkedHashMap<>();
    private final RecordQueries queries;
    private final List<MergeParticipant> participants;
    private final FieldHistory history;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ObjectMapper objectMapper;
    private final JdbcTemplate jdbc;

    @PersistenceContext
    private EntityManager entityManager;

    RecordMerges(
            List<RecordService> services,
            RecordQueries queries,
            List<MergeParticipant> participants,
            FieldHistory history,
            AuditLog audit,
            ApplicationEventPublisher events,
            ObjectMapper objectMapper,
            JdbcTemplate jdbc) {
        services.forEach(s -> this.services.put(s.type().table(), s));
        this.queries = queries;
        this.participants = participants;
        this.history = history;
        this.audit = audit;
        this.events = events;
        this.objectMapper = objectMapper;
        this.jdbc = jdbc;
    }

    /**
     * The survivor as it is after the merge, the records merged into it, and how many things of each kind moved
     * to it (only kinds that moved).
     */
    public record Result(Map<String, Object> survivor, List<UUID> mergedIds, Map<String, Integer> moved) {}

    @Transactional
    public Result merge(String collection, ObjectNode body) {
        RecordKind kind = Duplicates.kind(collection);
        RecordService service = services.get(kind.collection());
        RecordType type = service.type();
        Caller caller = Caller.require();
        if (!caller.can(type.writePermission())) {
            throw Problem.forbidden("Your role does not allow changing " + type.name() + " records");
        }
        MergeRequest request = MergeRequest.read(body);
        checkChoices(service, request.fields());
        lock(type, request);
        Map<UUID, Map<String, Object>> records = new LinkedHashMap<>();
        request.idsByField().forEach((field, id) -> records.put(id, changeable(type, field, id, caller)));
        UUID survivor = request.survivorId();

        ObjectNode choices = chosenValues(request, records);
        if (!choices.isEmpty()) {
            ChangeReason.during(mergeReason(type, request), () -> {
                applyChoices(service, survivor, choices);
                return null;
            });
        }
        Map<String, Integer> moved = moveLinks(new MergeParticipant.Merge(type.name(), survivor, request.mergedIds()));
        retire(service, request);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("survivorId", survivor.toString());
        summary.put(
                "mergedIds", request.mergedIds().stream().map(UUID::toString).toList());
        summary.put("fields", request.fields());
        summary.put("moved", moved);
        audit.record(type.name() + ".merged", type.name(), survivor, null, summary);
        events.publishEvent(new RecordsMerged(TenantContext.require(), type.name(), survivor, request.mergedIds()));
        return new Result(service.get(survivor, List.of()), request.mergedIds(), moved);
    }

    /** Why the survivor's values changed, for what records the change (e.g. a lead's new owner). */
    private static String mergeReason(RecordType type, MergeRequest request) {
        return "merged with " + type.name() + " "
                + request.mergedIds().stream().map(UUID::toString).collect(Collectors.joining(", "));
    }

    /** Every participant moves its things; answers the counts of the kinds that moved. */
    private Map<String, Integer> moveLinks(MergeParticipant.Merge merge) {
        Map<String, Integer> moved = new TreeMap<>();
        for (MergeParticipant participant : participants) {
            participant.merge(merge).forEach((what, count) -> {
                if (count > 0) {
                    moved.merge(what, count, Integer::sum);
                }
            });
        }
        // Participants change rows behind JPA's back: what it holds of them is read again.
        entityManager.flush();
        entityManager.clear();
        return moved;
    }

    /** Deletes the merged records the normal way; their history and the survivor's say what became of them. */
    private void retire(RecordService service, MergeRequest request) {
        String type = service.type().name();
        UUID survivor = request.survivorId();
        for (UUID id : request.mergedIds()) {
            service.delete(id, null);
            history.record(
                    type, id, Collections.singletonMap("mergedInto", null), Map.of("mergedInto", survivor.toString()));
        }
        history.record(
                type,
                survivor,
                Collections.singletonMap("mergedFrom", null),
                Map.of(
                        "mergedFrom",
                        request.mergedIds().stream().map(UUID::toString).toList()));
    }

    private static void checkChoices(RecordService service, Map<String, UUID> choices) {
        RecordType type = service.type();
        Map<String, ?> customFields = service.customFields();
        for (String name : choices.keySet()) {
            String field = "fields." + name;
            if (name.equals("tags")) {
                throw Problem.invalid(field, "is not chosen: the survivor gets the tags of all the records");
            }
            if (name.equals("customFields")) {
                throw Problem.invalid(field, "choose custom fields one by one, as customFields.<key>");
            }
            boolean known = name.startsWith(CustomFields.PREFIX)
                    ? customFields.containsKey(name)
                    : type.fields().containsKey(name) && !NOT_CHOSEN.contains(name);
            if (!known) {
                throw Problem.invalid(field, "is not a field of a " + type.name() + " that a merge can choose");
            }
        }
    }

    /**
     * Locks the rows of all the records of the merge until it ends, in id order (so that two merges never wait for
     * each other crosswise): merges over the same records, such as A&lt;-B and B&lt;-A, run one after the other,
     * and the later one reads the records as the earlier one left them. Checks that they are live come after.
     */
    private void lock(RecordType type, MergeRequest request) {
        List<UUID> ids = List.copyOf(request.idsByField().values());
        String marks = ids.stream().map(id -> "?").collect(Collectors.joining(", "));
        jdbc.query(
                "SELECT id FROM " + type.table() + " WHERE id IN (" + marks + ") ORDER BY id FOR UPDATE",
                (rs, n) -> null,
                ids.toArray());
    }

    /**
     * The record as the caller reads it, when they may change it; naming the field otherwise: 409 when it is
     * deleted or merged away (the caller may see it, to restore it), 404 when it does not exist for them, 403 when
     * they may only read it.
     */
    private Map<String, Object> changeable(RecordType type, String field, UUID id, Caller caller) {
        Map<String, Object> record = queries.get(type, id, caller, List.of())
                .orElseThrow(() -> queries.isVisible(type, id, caller)
                        ? gone(type, field, id)
                        : new Problem(
                                404,
                                "not-found",
                                "Not found",
                                field + ": no " + type.name() + " " + id,
                                List.of(new Problem.FieldError(field, "no " + type.name() + " " + id))));
        if (!queries.isWritable(type, id, caller)) {
            throw new Problem(
                    403,
                    "forbidden",
                    "Forbidden",
                    field + ": your role does not allow changing this " + type.name(),
                    List.of(new Problem.FieldError(field, "may not be changed by you")));
        }
        return record;
    }

    /** A deleted record: merged into another one (its latest history says so) or deleted. */
    private Problem gone(RecordType type, String field, UUID id) {
        String message = history.of(type.name(), id, null, 50).stream()
                        .filter(c -> c.field().equals("mergedInto") || c.field().equals("deletedAt"))
                        .findFirst()
                        .filter(c -> c.field().equals("mergedInto") && c.after() != null)
                        .map(c -> "was merged into " + type.name() + " "
                                + c.after().asText())
                        .orElse("is deleted")
                + "; restore it to merge it";
        return new Problem(
                409,
                "conflict",
                "Conflict",
                field + ": the " + type.name() + " " + id + " " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** A change body with the values chosen from other records, and the union of the tags where it adds any. */
    private ObjectNode chosenValues(MergeRequest request, Map<UUID, Map<String, Object>> records) {
        ObjectNode change = objectMapper.createObjectNode();
        ObjectNode custom = objectMapper.createObjectNode();
        request.fields().forEach((name, from) -> {
            if (from.equals(request.survivorId())) {
                return;
            }
            Map<String, Object> source = records.get(from);
            if (name.startsWith(CustomFields.PREFIX)) {
                JsonNode values = objectMapper.valueToTree(source.get("customFields"));
                JsonNode value = values == null ? null : values.get(name.substring(CustomFields.PREFIX.length()));
                custom.set(name.substring(CustomFields.PREFIX.length()), value == null ? NullNode.instance : value);
            } else {
                change.set(name, objectMapper.valueToTree(source.get(name)));
            }
        });
        if (!custom.isEmpty()) {
            change.set("customFields", custom);
        }
        List<String> survivorTags = tags(records.get(request.survivorId()));
        Set<String> union = new LinkedHashSet<>(survivorTags);
        records.values().forEach(r -> union.addAll(tags(r)));
        if (union.size() > MAX_TAGS) {
            throw Problem.invalid(
                    "mergedIds",
                    "together the records have " + union.size() + " tags; a record has at most " + MAX_TAGS);
        }
        if (union.size() > survivorTags.size()) {
            change.set("tags", objectMapper.valueToTree(new ArrayList<>(union)));
        }
        return change;
    }

    @SuppressWarnings("unchecked")
    private static List<String> tags(Map<String, Object> record) {
        Object tags = record.get("tags");
        return tags == null ? List.of() : (List<String>) tags;
    }

    /** Changes the survivor; a refused value is named after the choice that brought it ({@code fields.email}). */
    private static void applyChoices(RecordService service, UUID survivor, ObjectNode choices) {
        try {
            service.change(survivor, choices, null);
        } catch (Problem p) {
            if (p.fieldErrors().isEmpty()) {
                throw p;
            }
            List<Problem.FieldError> errors = p.fieldErrors().stream()
                    .map(e -> new Problem.FieldError("fields." + e.field(), e.message()))
                    .toList();
            throw new Problem(p.status(), p.type(), p.title(), "fields." + p.getMessage(), errors);
        }
    }
}
