package io.salesflow.records.web;

import io.salesflow.platform.web.openapi.Schemas;
import io.salesflow.records.FieldNames;
import io.salesflow.records.FieldType;
import io.salesflow.records.RecordField;
import io.salesflow.records.RecordType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schemas of one record type, derived from its {@link RecordType}: the record as read ({@code Lead}), the body
 * that creates one ({@code LeadInput}), the merge patch that changes one ({@code LeadChange}) and a list page
 * ({@code LeadPage}). A field added to the type shows up in all four.
 */
final class RecordSchemas {

    static final String TIMELINE_ENTRY = "TimelineEntry";
    static final String TIMELINE_PAGE = "TimelinePage";

    private static final String EXAMPLE_ID = "0b6f8f0e-6c2a-4b8e-9a53-2f1d5c7e9a10";
    private static final String EXAMPLE_OWNER = "5d0c2a1e-8f4b-4e3a-b7c9-1a2b3c4d5e6f";
    private static final String EXAMPLE_TIME = "2026-01-05T09:30:00Z";

    private final RecordType type;

    RecordSchemas(RecordType type) {
        this.type = type;
    }

    /** {@code lead} → {@code Lead}, {@code activity} → {@code Activity}. */
    String name() {
        return Character.toUpperCase(type.name().charAt(0)) + type.name().substring(1);
    }

    Map<String, Schema<?>> all() {
        Map<String, Schema<?>> schemas = new LinkedHashMap<>();
        schemas.put(name(), record());
        schemas.put(name() + "Input", input());
        schemas.put(name() + "Change", change());
        schemas.put(name() + "Page", page(Schemas.ref(name()), "A page of " + type.name() + " records", example()));
        return schemas;
    }

    /** What every record type's timeline holds: when, what kind, its id, and what a reader sees of it. */
    static Map<String, Schema<?>> timeline() {
        Schema<Object> entry = Schemas.of("object")
                .description("One timeline entry; the other properties depend on its kind")
                .addProperty("at", Schemas.of("string").format("date-time"))
                .addProperty("kind", Schemas.of("string").description("activity, note, change, ..."))
                .addProperty("id", Schemas.of("string"))
                .additionalProperties(true)
                .required(List.of("at", "kind", "id"));
        entry.example(
                Map.of("at", EXAMPLE_TIME, "kind", "note", "id", EXAMPLE_ID, "body", "Called back, wants a demo"));
        Map<String, Schema<?>> schemas = new LinkedHashMap<>();
        schemas.put(TIMELINE_ENTRY, entry);
        schemas.put(
                TIMELINE_PAGE, page(Schemas.ref(TIMELINE_ENTRY), "Timeline entries, newest first", entry.getExample()));
        return schemas;
    }

    private Schema<Object> record() {
        Schema<Object> schema = Schemas.of("object")
                .description("A " + type.name() + " record; with fields=… only those (and the id) are present,"
                        + " with embed=… the related records too");
        type.fields()
                .values()
                .forEach(f -> schema.addProperty(
                        f.name(), nullable(field(f), !f.name().equals("id"))));
        type.embeds().values().forEach(e -> schema.addProperty(e.name(), embed(e)));
        schema.required(List.of("id"));
        schema.example(example());
        return schema;
    }

    private Schema<Object> input() {
        Schema<Object> schema = writable(Schemas.of("object")
                .description("The fields of a new " + type.name() + "; unknown fields are refused"));
        schema.required(new ArrayList<>(type.required()));
        schema.example(new LinkedHashMap<>(type.example()));
        return schema;
    }

    private Schema<Object> change() {
        Schema<Object> schema = writable(Schemas.of("object")
                .description("A JSON merge patch of a " + type.name() + ": a field sent is set, null clears it, a"
                        + " field left out keeps its value"));
        type.example().entrySet().stream()
                .skip(type.example().size() - 1L)
                .forEach(e -> schema.example(Map.of(e.getKey(), e.getValue())));
        return schema;
    }

    private Schema<Object> writable(Schema<Object> schema) {
        type.fields().values().stream()
                .filter(f -> !type.setBySalesflow().contains(f.name()))
                .forEach(f -> schema.addProperty(
                        f.name(),
                        limited(f.name(), nullable(field(f), !type.required().contains(f.name())))));
        return schema;
    }

    /** What the input checks refuse, said in the schema: the longest text, or the only values. */
    private Schema<Object> limited(String field, Schema<Object> schema) {
        RecordType.Limit limit = type.limits().get(field);
        if (limit == null) {
            return schema;
        }
        if (!limit.values().isEmpty()) {
            List<Object> values = new ArrayList<>(limit.values());
            if (schema.getTypes().contains("null")) {
                values.add(null);
            }
            schema.setEnum(values);
        } else {
            schema.setMaxLength(limit.maxLength());
        }
        return schema;
    }

    private static Schema<Object> page(Schema<?> item, String description, Object exampleItem) {
        Schema<Object> items = Schemas.of("array");
        items.setItems(item);
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("items", List.of(exampleItem));
        example.put("nextCursor", null);
        return Schemas.of("object")
                .example(example)
                .description(description + "; pass nextCursor as cursor for the next page (null on the last)")
                .addProperty("items", items)
                .addProperty("nextCursor", Schemas.of("string", "null"))
                .required(List.of("items", "nextCursor"));
    }

    private static Schema<Object> field(RecordField field) {
        return schemaOf(field.type(), field.name());
    }

    private static Schema<Object> schemaOf(FieldType type, String name) {
        switch (type) {
            case NUMBER:
                return Schemas.of("number");
            case DATE:
                return Schemas.of("string").format("date");
            case TIMESTAMP:
                return Schemas.of("string").format("date-time");
            case UUID:
                return Schemas.of("string").format("uuid");
            case BOOLEAN:
                return Schemas.of("boolean");
            case TEXT_ARRAY:
                return arrayOf(Schemas.of("string"));
            case UUID_ARRAY:
                return arrayOf(Schemas.of("string").format("uuid"));
            case JSON:
                Schema<Object> object = Schemas.of("object").additionalProperties(true);
                return name.equals("customFields")
                        ? object.description("The workspace's own fields (GET /api/v1/custom-fields), by key;"
                                + " each workspace defines its own")
                        : object;
            case TEXT:
            default:
                return Schemas.of("string");
        }
    }

    private static Schema<Object> arrayOf(Schema<Object> item) {
        Schema<Object> array = Schemas.of("array");
        array.setItems(item);
        return array;
    }

    /** Values may be absent in the database, so a record shows null for them. */
    private static Schema<Object> nullable(Schema<Object> schema, boolean nullable) {
        if (nullable) {
            schema.getTypes().add("null");
        }
        return schema;
    }

    private static Schema<Object> embed(RecordType.Embed embed) {
        Schema<Object> schema = Schemas.of("object", "null")
                .description("With embed=" + embed.name() + ": the related record, null when there is none or you"
                        + " may not read it")
                .addProperty("id", Schemas.of("string").format("uuid"));
        embed.columns().forEach(c -> schema.addProperty(FieldNames.camel(c), Schemas.of("string", "number", "null")));
        return schema;
    }

    private Map<String, Object> example() {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("id", EXAMPLE_ID);
        example.put("ownerId", EXAMPLE_OWNER);
        example.put("teamId", null);
        example.put("createdAt", EXAMPLE_TIME);
        example.put("updatedAt", EXAMPLE_TIME);
        example.put("version", 1);
        example.putAll(type.example());
        if (type.fields().containsKey("tags")) {
            example.put("tags", List.of());
        }
        if (type.fields().containsKey("customFields")) {
            example.put("customFields", Map.of());
        }
        return example;
    }
}
