package io.salesflow.platform.web.openapi;

import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An example value made from a schema, for operations whose DTOs carry none: a property's own example, default or
 * first allowed value where it has one, else a plain value of its type and format. References are followed a few
 * levels deep; a cycle ends in an empty object.
 */
final class SchemaExamples {

    private static final int DEPTH = 4;

    private final Map<String, Schema> components;

    SchemaExamples(Map<String, Schema> components) {
        this.components = components == null ? Map.of() : components;
    }

    /**
     * Plausible text for the properties that most often have no example of their own, by name, so a reader sees a
     * value like the ones the API really takes; any other text property shows its own name in words.
     */
    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("name", "Analytical Engines: 40 seats"),
            Map.entry("displayName", "Ada Lovelace"),
            Map.entry("firstName", "Ada"),
            Map.entry("lastName", "Lovelace"),
            Map.entry("company", "Analytical Engines Ltd"),
            Map.entry("email", "ada@analytical.example"),
            Map.entry("password", "correct horse battery staple"),
            Map.entry("tenant", "acme"),
            Map.entry("username", "operator"),
            Map.entry("accessToken", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI1ZDBj…"),
            Map.entry("refreshToken", "0b6f8f0e-6c2a-4b8e-9a53-2f1d5c7e9a10.c2VjcmV0"),
            Map.entry("tokenType", "Bearer"),
            Map.entry("id", "0b6f8f0e-6c2a-4b8e-9a53-2f1d5c7e9a10"),
            Map.entry("nextCursor", "eyJrIjoiQWRhIExvdmVsYWNlIn0"),
            Map.entry("status", "active"),
            Map.entry("key", "lead-nurture"),
            Map.entry("processKey", "lead-nurture"),
            Map.entry("processName", "Lead nurture"),
            Map.entry("businessKey", "lead:0b6f8f0e-6c2a-4b8e-9a53-2f1d5c7e9a10"),
            Map.entry("processInstanceId", "cd9ee3b4-f1b6-11f1-9043-02fc00000001"),
            Map.entry("processDefinitionId", "lead-nurture:3:cd9ee3b4-f1b6-11f1-9043-02fc00000001"),
            Map.entry("definitionId", "lead-nurture:3:cd9ee3b4-f1b6-11f1-9043-02fc00000001"),
            Map.entry("deploymentId", "cd9ee3b4-f1b6-11f1-9043-02fc00000001"),
            Map.entry("activityId", "UserTask_Touch"),
            Map.entry("activityName", "Call the lead"),
            Map.entry("messageName", "LeadReplied"),
            Map.entry("versionTag", "2026.1"),
            Map.entry("description", "Leads from partners go to the partner team"),
            Map.entry("recordType", "lead"),
            Map.entry("field", "country"),
            Map.entry("type", "lead"),
            Map.entry("kind", "note"),
            Map.entry("reason", "The customer asked for a second quote"),
            Map.entry("why", "Discount over 20%: deal desk checks the terms"),
            Map.entry("label", "Contract tier"),
            Map.entry("title", "Head of Operations"),
            Map.entry("team", "East"),
            Map.entry("teamName", "East"),
            Map.entry("ownerName", "Rita Rep"),
            Map.entry("requestId", "6f1c2b9e0d3a"),
            Map.entry("timeZone", "Europe/Berlin"),
            Map.entry("roles", "sales_rep"),
            Map.entry("role", "sales_rep"),
            Map.entry("permission", "leads:read"),
            Map.entry("scopes", "leads:write"),
            Map.entry("message", "Called back, wants a demo next week"),
            Map.entry("detail", "Called back, wants a demo next week"),
            Map.entry("visibility", "team"),
            Map.entry("direction", "asc"),
            Map.entry("op", "eq"),
            Map.entry("value", "DE"),
            Map.entry("country", "DE"),
            Map.entry("region", "EMEA"),
            Map.entry("currency", "EUR"),
            Map.entry("filename", "leads.csv"),
            Map.entry("contentType", "text/csv"),
            Map.entry("code", "price"),
            Map.entry("rule", "Discount over 20%"),
            Map.entry("unassignedQueue", "unassigned"),
            Map.entry("queue", "unassigned"),
            Map.entry("resourceName", "lead-nurture.bpmn"),
            Map.entry("helpText", "The contract tier the customer signed"),
            Map.entry("start", "09:00"),
            Map.entry("end", "17:00"),
            Map.entry("delegation", "pending"),
            Map.entry("columns", "lastName"),
            Map.entry("actorType", "USER"),
            Map.entry("ipAddress", "203.0.113.7"),
            Map.entry("userAgent", "Mozilla/5.0 (X11; Linux x86_64)"));

    /** The schema's example, its referenced schema's, or one made from its properties. */
    Object of(Schema<?> schema) {
        return of(schema, 0, null);
    }

    /** True when the schema, or the one it references, carries an example of its own. */
    boolean hasOwn(Schema<?> schema) {
        Schema<?> resolved = resolve(schema);
        return resolved != null && (resolved.getExample() != null || resolved.getExamples() != null);
    }

    private Object of(Schema<?> given, int depth, String name) {
        Schema<?> schema = resolve(given);
        if (schema == null) {
            return null;
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getDefault() != null) {
            return schema.getDefault();
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().get(0);
        }
        Set<String> types = schema.getTypes();
        String type = types == null || types.isEmpty()
                ? schema.getType()
                : types.iterator().next();
        if (schema.getProperties() != null) {
            type = "object";
        }
        if (type == null) {
            return schema.getAllOf() != null && !schema.getAllOf().isEmpty()
                    ? of(schema.getAllOf().get(0), depth, name)
                    : null;
        }
        switch (type) {
            case "object":
                return object(schema, depth);
            case "array":
                return depth >= DEPTH || schema.getItems() == null
                        ? List.of()
                        : List.of(nonNull(of(schema.getItems(), depth + 1, name)));
            case "integer":
                return 1;
            case "number":
                return 1.5;
            case "boolean":
                return true;
            case "string":
                return string(schema.getFormat(), name);
            default:
                return null;
        }
    }

    private Map<String, Object> object(Schema<?> schema, int depth) {
        Map<String, Object> example = new LinkedHashMap<>();
        if (depth >= DEPTH) {
            return example;
        }
        if (schema.getProperties() == null) {
            if (schema.getAdditionalProperties() instanceof Schema<?> values) {
                example.put("key", nonNull(of(values, depth + 1, null)));
            }
            return example;
        }
        schema.getProperties().forEach((name, property) -> example.put(name, of(property, depth + 1, name)));
        return example;
    }

    private static Object nonNull(Object value) {
        return value == null ? Map.of() : value;
    }

    private static String string(String format, String name) {
        if (format == null) {
            return text(name);
        }
        switch (format) {
            case "uuid":
                return "0b6f8f0e-6c2a-4b8e-9a53-2f1d5c7e9a10";
            case "date-time":
                return "2026-01-05T09:30:00Z";
            case "date":
                return "2026-01-05";
            case "email":
                return "ada@analytical.example";
            case "binary":
                return null;
            default:
                return text(name);
        }
    }

    /** {@code unassignedQueue} without an entry of its own reads "unassigned queue". */
    private static String text(String name) {
        if (name == null) {
            return "text";
        }
        String known = TEXT.get(name);
        return known != null
                ? known
                : name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private Schema<?> resolve(Schema<?> schema) {
        Schema<?> current = schema;
        for (int i = 0; current != null && current.get$ref() != null && i < 10; i++) {
            String ref = current.get$ref();
            current = components.get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return current;
    }
}
