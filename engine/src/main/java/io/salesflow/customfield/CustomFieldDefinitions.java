package io.salesflow.customfield;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.audit.AuditLog;
import io.salesflow.identity.Caller;
import io.salesflow.platform.database.TransactionMemo;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.ETags;
import io.salesflow.records.RecordType;
import io.salesflow.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's custom field definitions. Anyone who may read a record type may read its definitions;
 * changing them is the organisation's setting ({@code tenant:manage}, checked by the controller). Every
 * change is in the audit log.
 */
@Service
public class CustomFieldDefinitions {

    private final CustomFieldDefinitionRepository definitions;
    private final RecordTypes recordTypes;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;

    CustomFieldDefinitions(
            CustomFieldDefinitionRepository definitions, RecordTypes recordTypes, AuditLog audit, JdbcTemplate jdbc) {
        this.definitions = definitions;
        this.recordTypes = recordTypes;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /**
     * Definitions in order of record type and position; {@code recordType} null lists those of every type the
     * caller may read, {@code archived} null both archived and active ones.
     */
    @Transactional(readOnly = true)
    public List<CustomFieldView> list(String recordType, Boolean archived) {
        if (recordType != null) {
            if (!CustomFieldDefinition.RECORD_TYPES.contains(recordType)) {
                throw Problem.invalid("recordType", "must be one of " + CustomFieldDefinition.RECORD_TYPES);
            }
            requireReadable(recordType);
        }
        Caller caller = Caller.require();
        return definitions.listed().stream()
                .filter(d -> recordType == null || d.recordType().equals(recordType))
                .filter(d -> archived == null || d.isArchived() == archived)
                .filter(d -> mayRead(caller, d.recordType()))
                .map(CustomFieldDefinition::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public CustomFieldView get(UUID id) {
        CustomFieldDefinition definition = find(id);
        requireReadable(definition.recordType());
        return definition.view();
    }

    @Transactional
    public CustomFieldView create(ObjectNode body) {
        CustomFieldDefinition definition = new CustomFieldDefinition(TenantContext.require());
        boolean positioned = DefinitionInput.apply(body, definition, true);
        if (definitions.existsByRecordTypeAndKey(definition.recordType(), definition.key())) {
            throw new Problem(
                            409,
                            "duplicate",
                            "Conflict",
                            "The " + definition.recordType() + " already has a custom field '" + definition.key()
                                    + "' (archived ones keep their key)")
                    .with("field", "key");
        }
        if (!positioned) {
            definition.setPosition(definitions.nextPosition(definition.recordType()));
        }
        definitions.saveAndFlush(definition);
        TransactionMemo.forget(CustomFieldValues.memoKey(definition.recordType()));
        audit.record("customfield.created", "custom_field", definition.getId(), null, definition.snapshot());
        return definition.view();
    }

    @Transactional
    public CustomFieldView change(UUID id, ObjectNode body, String ifMatch) {
        CustomFieldDefinition definition = find(id);
        ETags.check(ifMatch, definition.getVersion());
        Map<String, Object> before = definition.snapshot();
        List<String> optionsBefore = definition.options();
        DefinitionInput.apply(body, definition, false);
        checkRemovedOptionsUnused(definition, optionsBefore);
        definitions.saveAndFlush(definition);
        TransactionMemo.forget(CustomFieldValues.memoKey(definition.recordType()));
        audit.record("customfield.changed", "custom_field", id, before, definition.snapshot());
        return definition.view();
    }

    /** Hides the field from new input; records keep their values, and list queries still filter by them. */
    @Transactional
    public void archive(UUID id, String ifMatch) {
        CustomFieldDefinition definition = find(id);
        ETags.check(ifMatch, definition.getVersion());
        if (definition.isArchived()) {
            return;
        }
        Map<String, Object> before = definition.snapshot();
        definition.setArchived(true);
        definitions.saveAndFlush(definition);
        TransactionMemo.forget(CustomFieldValues.memoKey(definition.recordType()));
        audit.record("customfield.archived", "custom_field", id, before, definition.snapshot());
    }

    /**
     * An option records still hold cannot go: their value would no longer be one of the options. Deleted records
     * count too, as a restore brings them back.
     */
    private void checkRemovedOptionsUnused(CustomFieldDefinition definition, List<String> before) {
        List<String> removed = new ArrayList<>(before);
        removed.removeAll(definition.options());
        if (removed.isEmpty()) {
            return;
        }
        RecordType type = recordTypes.get(definition.recordType());
        Integer inUse = jdbc.queryForObject(
                "SELECT count(*) FROM " + type.table() + " WHERE custom_fields ->> ? = ANY (?)",
                Integer.class,
                definition.key(),
                removed.toArray(String[]::new));
        if (inUse != null && inUse > 0) {
            throw new Problem(
                            409,
                            "option-in-use",
                            "Conflict",
                            inUse + " " + definition.recordType() + " record(s) still have "
                                    + String.join(", ", removed) + "; change them before removing the option")
                    .with("field", "options")
                    .with("inUse", inUse);
        }
    }

    private CustomFieldDefinition find(UUID id) {
        return definitions.findById(id).orElseThrow(() -> Problem.notFound("Custom field", id));
    }

    private void requireReadable(String recordType) {
        if (!mayRead(Caller.require(), recordType)) {
            throw Problem.forbidden("Your role does not allow reading " + recordType + " records or their fields");
        }
    }

    private boolean mayRead(Caller caller, String recordType) {
        return caller.can("tenant:manage")
                || caller.can(recordTypes.get(recordType).readPermission());
    }
}
