package io.salesflow.customfield;

import io.salesflow.platform.problem.Problem;
import io.salesflow.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One field a workspace added to a record type. Its record type, key, type and lookup target never change:
 * stored values are read by them. Archived fields take no new values but keep the ones records have.
 */
@Entity
@Table(name = "custom_field_definitions")
class CustomFieldDefinition extends TenantEntity {

    /** The record types that carry custom fields. */
    static final List<String> RECORD_TYPES = List.of("account", "contact", "lead", "deal");

    /** What a lookup may point at: a record of these types, or a user. */
    static final List<String> LOOKUP_TARGETS = List.of("account", "contact", "lead", "deal", "user");

    @Column(name = "record_type", nullable = false, updatable = false)
    private String recordType;

    @Column(name = "field_key", nullable = false, updatable = false)
    private String key;

    @Column(nullable = false)
    private String label;

    @Column(nullable = false, updatable = false)
    private String type;

    @Column(nullable = false)
    private String[] options = new String[0];

    @Column(name = "lookup_target", updatable = false)
    private String lookupTarget;

    @Column(nullable = false)
    private boolean required;

    @Column(name = "help_text")
    private String helpText;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private boolean archived;

    protected CustomFieldDefinition() {}

    CustomFieldDefinition(UUID tenantId) {
        super(tenantId);
    }

    /** A picklist needs options and only a picklist has them; a lookup needs a target and only a lookup has one. */
    void checkComplete() {
        CustomFieldType t = type();
        if (t == CustomFieldType.PICKLIST && options.length == 0) {
            throw Problem.invalid("options", "a picklist needs at least one option");
        }
        if (t != CustomFieldType.PICKLIST && options.length > 0) {
            throw Problem.invalid("options", "only a picklist has options");
        }
        if (t == CustomFieldType.LOOKUP && lookupTarget == null) {
            throw Problem.invalid("lookupTarget", "a lookup needs a target: one of " + LOOKUP_TARGETS);
        }
        if (t != CustomFieldType.LOOKUP && lookupTarget != null) {
            throw Problem.invalid("lookupTarget", "only a lookup has a target");
        }
    }

    Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("recordType", recordType);
        s.put("key", key);
        s.put("label", label);
        s.put("type", type);
        s.put("options", List.of(options));
        s.put("lookupTarget", lookupTarget);
        s.put("required", required);
        s.put("helpText", helpText);
        s.put("position", position);
        s.put("archived", archived);
        return s;
    }

    CustomFieldView view() {
        return new CustomFieldView(
                getId(),
                recordType,
                key,
                label,
                type,
                List.of(options),
                lookupTarget,
                required,
                helpText,
                position,
                archived,
                getVersion());
    }

    String recordType() {
        return recordType;
    }

    String key() {
        return key;
    }

    CustomFieldType type() {
        return CustomFieldType.of(type).orElseThrow();
    }

    List<String> options() {
        return List.of(options);
    }

    String lookupTarget() {
        return lookupTarget;
    }

    boolean isRequired() {
        return required;
    }

    boolean isArchived() {
        return archived;
    }

    void setRecordType(String recordType) {
        this.recordType = recordType;
    }

    void setKey(String key) {
        this.key = key;
    }

    void setLabel(String label) {
        this.label = label;
    }

    void setType(CustomFieldType type) {
        this.type = type.code();
    }

    void setOptions(List<String> options) {
        this.options = options.toArray(String[]::new);
    }

    void setLookupTarget(String lookupTarget) {
        this.lookupTarget = lookupTarget;
    }

    void setRequired(boolean required) {
        this.required = required;
    }

    void setHelpText(String helpText) {
        this.helpText = helpText;
    }

    void setPosition(int position) {
        this.position = position;
    }

    void setArchived(boolean archived) {
        this.archived = archived;
    }
}
