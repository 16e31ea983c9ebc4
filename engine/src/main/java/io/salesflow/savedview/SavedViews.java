package io.salesflow.savedview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.PreconditionFailed;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.platform.web.ETags;
import io.salesflow.records.CustomFields;
import io.salesflow.records.RecordInput;
import io.salesflow.records.RecordType;
import io.salesflow.savedview.SavedView.SavedViewState;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saved views of record lists. A user sees their own views and those shared with them (a team they share with the
 * owner, or the workspace) for the record types they may read; only the owner, or an org admin
 * ({@code tenant:manage}), changes or deletes one. Each user picks the view their list opens with.
 */
@Service
public class SavedViews {

    static final Set<String> RECORD_TYPES = Set.of("lead", "contact", "account", "deal");
    static final Set<String> VISIBILITIES = Set.of("private", "team", "workspace");

    /** A user keeps at most this many views per record type. */
    static final int MAX_PER_OWNER = 200;

    private final SavedViewStore store;
    private final Map<String, RecordType> types;
    private final CustomFields customFields;
    private final ObjectMapper json;

    SavedViews(SavedViewStore store, List<RecordType> types, CustomFields customFields, ObjectMapper json) {
        this.store = store;
        this.types = types.stream()
                .filter(t -> RECORD_TYPES.contains(t.name()))
                .collect(Collectors.toMap(RecordType::name, Function.identity()));
        this.customFields = customFields;
        this.json = json;
    }

    /** The caller's views of a record type and those shared with them, by name, a page at a time. */
    @Transactional(readOnly = true)
    public CursorPage<SavedView> list(String recordType, String cursor, int limit) {
        Caller caller = Caller.require();
        RecordType type = readable(caller, "recordType", recordType);
        String after = CursorPage.decode(cursor);
        String afterName = null;
        UUID afterId = null;
        if (after != null) {
            int cut = after.lastIndexOf('\n');
            try {
                afterName = after.substring(0, cut);
                afterId = UUID.fromString(after.substring(cut + 1));
            } catch (RuntimeException e) {
                throw Problem.invalid("cursor", "is not a cursor this API returned");
            }
        }
        List<SavedView> fetched =
                store.list(type.name(), caller.userId(), teams(caller), afterName, afterId, limit + 1).stream()
                        .map(row -> view(caller, row))
                        .toList();
        return CursorPage.of(fetched, limit, v -> v.name().toLowerCase(java.util.Locale.ROOT) + "\n" + v.id());
    }

    @Transactional(readOnly = true)
    public SavedView get(UUID id) {
        Caller caller = Caller.require();
        return view(caller, visible(caller, id));
    }

    @Transactional
    public SavedView create(ObjectNode body) {
        Caller caller = Caller.require();
        Input input = Input.read(body, true);
        RecordType type = readable(caller, "recordType", input.recordType);
        if (input.name == null) {
            throw Problem.invalid("name", "is required");
        }
        if (input.state == null) {
            throw Problem.invalid("state", "is required");
        }
        String visibility = input.visibility == null ? "private" : input.visibility;
        String state = state(type, input.state);
        if (store.countOwned(caller.userId(), type.name()) >= MAX_PER_OWNER) {
            throw Problem.conflict(
                    "You keep " + MAX_PER_OWNER + " views of " + type.name() + " lists already; delete one first");
        }
        UUID id = UUID.randomUUID();
        requireFreeName(caller.userId(), type.name(), input.name, id);
        store.insert(id, caller.userId(), type.name(), input.name, state, visibility);
        if (Boolean.TRUE.equals(input.defaultView)) {
            store.makeDefault(caller.userId(), type.name(), id);
        }
        return view(caller, store.find(id, caller.userId()).orElseThrow());
    }

    /** Changes name, state or visibility (those sent), if {@code ifMatch} names the current version. */
    @Transactional
    public SavedView change(UUID id, ObjectNode body, String ifMatch) {
        Caller caller = Caller.require();
        Input input = Input.read(body, false);
        SavedViewStore.Row row = editable(caller, id);
        ETags.check(ifMatch, row.version());
        RecordType type = types.get(row.recordType());
        String name = input.name == null ? row.name() : input.name;
        String visibility = input.visibility == null ? row.visibility() : input.visibility;
        String state = input.state == null ? row.state() : state(type, input.state);
        requireFreeName(row.ownerId(), row.recordType(), name, id);
        if (!store.update(id, row.version(), name, state, visibility)) {
            throw new PreconditionFailed(ETags.of(row.version() + 1));
        }
        store.dropDefaultsOfOthers(id, row.ownerId(), visibility);
        if (input.defaultView != null) {
            setDefault(caller, row, input.defaultView);
        }
        return view(caller, store.find(id, caller.userId()).orElseThrow());
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Caller caller = Caller.require();
        SavedViewStore.Row row = editable(caller, id);
        ETags.check(ifMatch, row.version());
        if (!store.delete(id, row.version())) {
            throw new PreconditionFailed(ETags.of(row.version() + 1));
        }
    }

    /** Makes the view the one the caller's list opens with (any view they see), or stops that. */
    @Transactional
    public SavedView makeDefault(UUID id, boolean on) {
        Caller caller = Caller.require();
        SavedViewStore.Row row = visible(caller, id);
        setDefault(caller, row, on);
        return view(caller, store.find(id, caller.userId()).orElseThrow());
    }

    private void setDefault(Caller caller, SavedViewStore.Row row, boolean on) {
        if (on) {
            store.makeDefault(caller.userId(), row.recordType(), row.id());
        } else {
            store.clearDefault(caller.userId(), row.id());
        }
    }

    private SavedViewStore.Row visible(Caller caller, UUID id) {
        SavedViewStore.Row row = (isAdmin(caller)
                        ? store.find(id, caller.userId())
                        : store.findVisible(id, caller.userId(), teams(caller)))
                .orElseThrow(() -> Problem.notFound("Saved view", id));
        readable(caller, "recordType", row.recordType());
        return row;
    }

    private SavedViewStore.Row editable(Caller caller, UUID id) {
        SavedViewStore.Row row = visible(caller, id);
        if (!row.ownerId().equals(caller.userId()) && !isAdmin(caller)) {
            throw Problem.forbidden("Only the view's owner or an org admin may change or delete it");
        }
        return row;
    }

    private void requireFreeName(UUID owner, String recordType, String name, UUID except) {
        if (store.nameTaken(owner, recordType, name, except)) {
            throw new Problem(
                            409,
                            "duplicate",
                            "Conflict",
                            "A view of " + recordType + " lists named '" + name + "' exists already")
                    .with("field", "name");
        }
    }

    private String state(RecordType type, JsonNode state) {
        ObjectNode checked = ListState.check(state, type, customFields.fields(type));
        return checked.toString();
    }

    private RecordType readable(Caller caller, String field, String recordType) {
        RecordType type = recordType == null ? null : types.get(recordType);
        if (type == null) {
            throw Problem.invalid(
                    field, "must be one of " + RECORD_TYPES.stream().sorted().toList());
        }
        if (!caller.can(type.readPermission())) {
            throw Problem.forbidden("Your role does not allow reading " + type.name() + " records");
        }
        return type;
    }

    private SavedView view(Caller caller, SavedViewStore.Row row) {
        SavedViewState state;
        try {
            state = json.readValue(row.state(), SavedViewState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Saved view " + row.id() + " keeps a state that cannot be read", e);
        }
        boolean mine = row.ownerId().equals(caller.userId());
        return new SavedView(
                row.id(),
                row.recordType(),
                row.name(),
                state,
                row.visibility(),
                row.ownerId(),
                row.ownerName(),
                mine,
                mine || isAdmin(caller),
                row.isDefault(),
                row.createdAt(),
                row.updatedAt(),
                row.version());
    }

    private static boolean isAdmin(Caller caller) {
        return caller.can("tenant:manage");
    }

    private static UUID[] teams(Caller caller) {
        return caller.teamIds().toArray(UUID[]::new);
    }

    /** What a request body says: every key is optional here; unknown keys are refused. */
    private static final class Input {
        String recordType;
        String name;
        JsonNode state;
        String visibility;
        Boolean defaultView;

        static Input read(ObjectNode body, boolean creating) {
            Input input = new Input();
            Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                String field = e.getKey();
                JsonNode v = e.getValue();
                switch (field) {
                    case "recordType" -> {
                        if (!creating) {
                            throw Problem.invalid(field, "cannot change: a view belongs to one record type");
                        }
                        input.recordType = RecordInput.text(field, v, 20);
                    }
                    case "name" -> input.name = RecordInput.requiredText(field, v, 80);
                    case "state" -> input.state = v.isNull() ? null : v;
                    case "visibility" -> input.visibility = RecordInput.oneOf(field, v, VISIBILITIES);
                    case "defaultView" -> {
                        if (!v.isBoolean()) {
                            throw Problem.invalid(field, "must be true or false");
                        }
                        input.defaultView = v.booleanValue();
                    }
                    default -> throw RecordInput.unknown(field);
                }
            }
            return input;
        }
    }
}
