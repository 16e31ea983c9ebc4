package io.salesflow.platform.web.openapi;

import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** The schema's example, its referenced schema's, or one made from its properties. */
    Object of(Schema<?> schema) {
        return of(schema, 0);
    }

    /** True when the schema, or the one it references, carries an example of its own. */
    boolean hasOwn(Schema<?> schema) {
        Schema<?> resolved = resolve(schema);
        return resolved != null && (resolved.getExample() != null || resolved.getExamples() != null);
    }

    private Object of(Schema<?> given, int depth) {
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
                    ? of(schema.getAllOf().get(0), depth)
                    : null;
        }
        switch (type) {
            case "object":
                return object(schema, depth);
            case "array":
                return depth >= DEPTH || schema.getItems() == null
                        ? List.of()
                        : List.of(nonNull(of(schema.getItems(), depth + 1)));
            case "integer":
                return 1;
            case "number":
                return 1.5;
            case "boolean":
                return true;
            case "string":
                return string(schema.getFormat());
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
                example.put("key", nonNull(of(values, depth + 1)));
            }
            return example;
        }
        schema.getProperties().forEach((name, property) -> example.put(name, of(property, depth + 1)));
        return example;
    }

    private static Object nonNull(Object value) {
        return value == null ? Map.of() : value;
    }

    private static String string(String format) {
        if (format == null) {
            return "string";
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
                return "string";
        }
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
