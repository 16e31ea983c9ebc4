package io.salesflow.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads and writes rule sets as JSON, the form they are stored and edited in. Unknown properties are refused so
 * that a misspelt field does not silently drop a condition.
 */
public final class RuleSetJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private RuleSetJson() {}

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T read(InputStream json, Class<T> type) {
        try (json) {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("not a valid " + type.getSimpleName(), e);
        }
    }

    public static String write(Object ruleSet) {
        try {
            return MAPPER.writeValueAsString(ruleSet);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
