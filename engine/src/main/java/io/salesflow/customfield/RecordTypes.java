package io.salesflow.customfield;

import io.salesflow.records.RecordType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The registered record types by name: what a definition's record type and a lookup's target refer to. */
@Component
class RecordTypes {

    private final Map<String, RecordType> byName;

    RecordTypes(List<RecordType> types) {
        this.byName = types.stream().collect(Collectors.toMap(RecordType::name, Function.identity()));
    }

    RecordType get(String name) {
        RecordType type = byName.get(name);
        if (type == null) {
            throw new IllegalStateException("No record type " + name);
        }
        return type;
    }
}
