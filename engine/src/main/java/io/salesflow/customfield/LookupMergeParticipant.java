package io.salesflow.customfield;

import io.salesflow.records.CustomFields;
import io.salesflow.records.MergeParticipant;
import io.salesflow.records.MergedLinks;
import io.salesflow.records.RecordField;
import io.salesflow.records.RecordType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Lookup fields (archived ones too) that name a merged record name the survivor instead. */
@Component
class LookupMergeParticipant implements MergeParticipant {

    private final CustomFieldDefinitionRepository definitions;
    private final RecordTypes recordTypes;
    private final MergedLinks links;

    LookupMergeParticipant(CustomFieldDefinitionRepository definitions, RecordTypes recordTypes, MergedLinks links) {
        this.definitions = definitions;
        this.recordTypes = recordTypes;
        this.links = links;
    }

    @Override
    public Map<String, Integer> merge(Merge merge) {
        Map<String, Integer> moved = new LinkedHashMap<>();
        for (CustomFieldDefinition d : definitions.listed()) {
            if (d.type() != CustomFieldType.LOOKUP || !merge.recordType().equals(d.lookupTarget())) {
                continue;
            }
            RecordType type = recordTypes.get(d.recordType());
            String name = CustomFields.PREFIX + d.key();
            RecordField field = RecordField.inJson(
                    name,
                    "custom_fields",
                    d.key(),
                    CustomFieldType.LOOKUP.fieldType,
                    CustomFieldType.LOOKUP.operators,
                    false);
            moved.merge("lookups", links.move(type, field, merge), Integer::sum);
        }
        return moved;
    }
}
