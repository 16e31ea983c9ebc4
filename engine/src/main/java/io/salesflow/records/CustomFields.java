package io.salesflow.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The fields a workspace defines for itself on a record type, as the record machinery needs them: for the
 * list language, and to check and keep the values a request sends. The {@code customfield} module implements
 * it; every method works in the caller's workspace.
 */
public interface CustomFields {

    /** The list language's name of a custom field: {@code customFields.<key>}. */
    String PREFIX = "customFields.";

    /** The workspace's custom fields of {@code type} (archived ones too: their values stay), by list-language name. */
    Map<String, RecordField> fields(RecordType type);

    /**
     * Checks a body's {@code customFields} object against the definitions and merges it into the record (a key
     * with null clears the value, keys not sent stay); every refusal is a 400 naming {@code customFields.<key>}.
     */
    void apply(RecordType type, CustomizableRecord record, JsonNode values);

    /** Refuses a new record that lacks a value of a required custom field. */
    void checkRequired(RecordType type, CustomizableRecord record);
}
