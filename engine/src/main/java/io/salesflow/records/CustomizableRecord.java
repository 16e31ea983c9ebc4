package io.salesflow.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A CRM record that carries the values of its workspace's custom fields ({@link CustomFields}), in one JSON
 * object keyed by the field's key. Field history and audit see each value as its own field,
 * {@code customFields.<key>}.
 */
@MappedSuperclass
public abstract class CustomizableRecord extends CrmRecord {

    /** Exact decimals: a number read back and written again must not pass through a double. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    /** The JSON text as stored; Hibernate passes a String through as it is. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "custom_fields", nullable = false)
    private String customFields = "{}";

    protected CustomizableRecord() {}

    protected CustomizableRecord(UUID tenantId, UUID ownerId) {
        super(tenantId, ownerId);
    }

    /** The values by key, a copy. */
    public SortedMap<String, JsonNode> getCustomFields() {
        try {
            return JSON.readValue(customFields, new TypeReference<TreeMap<String, JsonNode>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Custom fields of " + getId() + " are not a JSON object", e);
        }
    }

    /** Replaces the values; the same values leave the row (and its version) untouched. */
    public void setCustomFields(Map<String, JsonNode> values) {
        if (values.equals(getCustomFields())) {
            return;
        }
        try {
            customFields = JSON.writeValueAsString(new TreeMap<>(values));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    protected Map<String, Object> withCommonFields(Map<String, Object> snapshot) {
        getCustomFields().forEach((key, value) -> snapshot.put(CustomFields.PREFIX + key, value));
        return super.withCommonFields(snapshot);
    }
}
