package io.salesflow.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A row turned into the JSON body the record API takes: empty cells are left out (a merge keeps what the record
 * has), flags read true/yes/1 and false/no/0, lists split at {@code ;} or {@code ,}, and a cell an export
 * protected against formula injection ({@code '=…}) loses its quote again. Leads and contacts without a source
 * come from {@code import}.
 */
record RowInput(SourceRow row, ObjectNode body, String ownerEmail, Set<String> duplicateKeys, boolean sourceDefaulted) {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    static RowInput of(ImportableType type, ColumnMapping mapping, SourceRow row) {
        ObjectNode body = JSON.objectNode();
        String ownerEmail = null;
        for (ColumnMapping.Column column : mapping.columns()) {
            String value = unescape(row.cell(column.index()).trim());
            if (value.isEmpty()) {
                continue;
            }
            switch (type.fields.get(column.field())) {
                case TEXT -> put(body, column.field(), value);
                case FLAG -> body.set(column.field(), flag(value));
                case LIST -> body.set(column.field(), list(value));
                case OWNER_EMAIL -> ownerEmail = value;
            }
        }
        boolean defaulted = type != ImportableType.ACCOUNTS && !body.has("source");
        if (defaulted) {
            body.put("source", "import");
        }
        return new RowInput(row, body, ownerEmail, keys(type, body), defaulted);
    }

    /** The body a merge applies to an existing record: the matching key itself stays as the record has it. */
    ObjectNode mergeBody(ImportableType type) {
        ObjectNode merge = body.deepCopy();
        merge.remove(type.duplicateKey);
        if (sourceDefaulted) {
            merge.remove("source");
        }
        return merge;
    }

    private static void put(ObjectNode body, String field, String value) {
        int dot = field.indexOf('.');
        if (dot < 0) {
            body.put(field, value);
            return;
        }
        String parent = field.substring(0, dot);
        ObjectNode nested = body.has(parent) ? (ObjectNode) body.get(parent) : body.putObject(parent);
        nested.put(field.substring(dot + 1), value);
    }

    private static JsonNode flag(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "x" -> JSON.booleanNode(true);
            case "false", "no", "n", "0" -> JSON.booleanNode(false);
            default -> JSON.textNode(value);
        };
    }

    private static ArrayNode list(String value) {
        ArrayNode list = JSON.arrayNode();
        for (String item : value.split("[;,]")) {
            if (!item.isBlank()) {
                list.add(item.trim());
            }
        }
        return list;
    }

    private static String unescape(String value) {
        if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }

    /** What duplicates are recognised by: leads by email, contacts by any of their emails, accounts by domain. */
    private static Set<String> keys(ImportableType type, ObjectNode body) {
        Set<String> keys = new LinkedHashSet<>();
        if (body.hasNonNull(type.duplicateKey)) {
            keys.add(normaliseKey(type, body.get(type.duplicateKey).asText()));
        }
        if (type == ImportableType.CONTACTS && body.has("emails")) {
            body.get("emails").forEach(e -> keys.add(normaliseKey(type, e.asText())));
        }
        return keys;
    }

    static String normaliseKey(ImportableType type, String value) {
        String key = value.trim().toLowerCase(Locale.ROOT);
        if (type == ImportableType.ACCOUNTS) {
            key = key.replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
            key = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
        }
        return key;
    }
}
