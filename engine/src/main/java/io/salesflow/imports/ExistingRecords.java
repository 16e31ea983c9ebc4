package io.salesflow.imports;

import io.salesflow.platform.web.CursorPage;
import io.salesflow.records.ListQuery;
import io.salesflow.records.ListQueryParser;
import io.salesflow.records.Operator;
import io.salesflow.records.RecordField;
import io.salesflow.records.RecordService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finds the records that already carry a chunk's duplicate keys, through the record type's own list query: only
 * records the importing user may read count (others are not theirs to know about), the oldest first.
 */
final class ExistingRecords {

    private ExistingRecords() {}

    static Map<String, UUID> byKey(RecordService service, ImportableType type, Collection<String> keys) {
        Map<String, UUID> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        String keyField = type == ImportableType.CONTACTS ? "emails" : type.duplicateKey;
        Map<String, RecordField> fields = service.type().fields();
        ListQuery.Filter filter = new ListQuery.Filter(fields.get(keyField), Operator.IN, List.copyOf(keys));
        String cursor = null;
        do {
            ListQuery query = new ListQuery(
                    List.of(filter),
                    List.of(new ListQuery.Sort(fields.get("createdAt"), false)),
                    cursor,
                    ListQueryParser.MAX_LIMIT,
                    List.of("id", keyField),
                    List.of());
            CursorPage<Map<String, Object>> page = service.list(query);
            for (Map<String, Object> record : page.items()) {
                UUID id = (UUID) record.get("id");
                for (String key : keysOf(type, record.get(keyField))) {
                    found.putIfAbsent(key, id);
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return found;
    }

    private static List<String> keysOf(ImportableType type, Object value) {
        List<String> keys = new ArrayList<>();
        if (value instanceof Collection<?> values) {
            values.forEach(v -> keys.add(RowInput.normaliseKey(type, String.valueOf(v))));
        } else if (value != null) {
            keys.add(RowInput.normaliseKey(type, String.valueOf(value)));
        }
        return keys;
    }
}
