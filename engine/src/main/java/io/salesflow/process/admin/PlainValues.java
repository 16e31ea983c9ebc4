package io.salesflow.process.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What of a process variable ops may see: plain values as they are (dates as instants), JSON lists and maps of
 * plain values as JSON; nothing else (binary data, files, XML, serialized objects of other types) leaves the engine,
 * whose type alone is shown.
 */
final class PlainValues {

    private static final Set<String> PLAIN = Set.of("string", "boolean", "short", "integer", "long", "double");

    private PlainValues() {}

    /** A variable as shown: its name, the engine's type name, and its value when it is plain (else null). */
    record InstanceVariable(String name, String type, Object value) {}

    static InstanceVariable view(String name, TypedValue value, ObjectMapper json) {
        String type = value == null || value.getType() == null
                ? "null"
                : value.getType().getName();
        return new InstanceVariable(name, type, plain(value, json));
    }

    static Object plain(TypedValue value, ObjectMapper json) {
        if (value == null || value.getType() == null) {
            return null;
        }
        String type = value.getType().getName();
        if (PLAIN.contains(type)) {
            return value.getValue();
        }
        if (type.equals("date")) {
            return value.getValue() instanceof Date date ? date.toInstant() : null;
        }
        if (value instanceof SerializableValue serializable
                && "application/json".equals(serializable.getSerializationDataFormat())
                && serializable.getValueSerialized() != null
                && (!(value instanceof ObjectValue object) || isJsonCollection(object.getObjectTypeName()))) {
            try {
                return json.readTree(serializable.getValueSerialized());
            } catch (JsonProcessingException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * A list or map the engine wrote as JSON ({@code java.util.ArrayList<java.lang.Object>}): plain values. Any other
     * type is an object of ours serialized, which stays in the engine.
     */
    private static boolean isJsonCollection(String typeName) {
        return typeName != null && typeName.startsWith("java.util.");
    }
}
