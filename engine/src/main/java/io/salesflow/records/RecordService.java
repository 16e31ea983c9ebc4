package io.salesflow.records;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.platform.web.CursorPage;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The use cases every record type offers; {@link io.salesflow.records.web.RecordController} serves them. */
public interface RecordService {

    RecordType type();

    /** The workspace's custom fields of the type the list language accepts ({@code customFields.<key>}); none by default. */
    default Map<String, RecordField> customFields() {
        return Map.of();
    }

    CursorPage<Map<String, Object>> list(ListQuery query);

    Map<String, Object> get(UUID id, List<String> embed);

    /** Creates a record from a body and answers it as the caller now sees it. */
    Map<String, Object> create(ObjectNode body);

    /**
     * Creates a record as {@link #create} does, with the same checks, history, audit and events, and answers only
     * its id: for callers that do not show the record (an import), which so skip reading it back.
     */
    UUID add(ObjectNode body);

    /**
     * Checks a body with every rule {@link #create} applies before it writes, throwing the {@code Problem} create
     * would, and writes nothing: an import sets refused rows aside before its writes. A type without it (the
     * default) refuses such a body only when creating.
     */
    default void checkNew(ObjectNode body) {}

    Map<String, Object> change(UUID id, ObjectNode body, String ifMatch);

    void delete(UUID id, String ifMatch);

    Map<String, Object> restore(UUID id);

    CursorPage<FieldHistory.Change> history(UUID id, Long beforeId, int limit);

    /** Activities, notes and field changes of the record, newest first (see {@link Timeline}). */
    CursorPage<Map<String, Object>> timeline(UUID id, String cursor, int limit);
}
