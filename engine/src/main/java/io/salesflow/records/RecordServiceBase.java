package io.salesflow.records;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.platform.web.CursorPage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases every record type serves the same way (list, read, change, delete, restore, history); a record
 * type's service adds creating and what a change does ({@link #applyChange}), where its own rules live.
 */
public abstract class RecordServiceBase<T extends CrmRecord> implements RecordService {

    protected final RecordType type;
    protected final JpaRepository<T, UUID> repository;
    protected final RecordLifecycle records;

    protected RecordServiceBase(RecordType type, JpaRepository<T, UUID> repository, RecordLifecycle records) {
        this.type = type;
        this.repository = repository;
        this.records = records;
    }

    @Override
    public RecordType type() {
        return type;
    }

    @Override
    public Map<String, RecordField> customFields() {
        return records.customFields(type);
    }

    @Override
    public CursorPage<Map<String, Object>> list(ListQuery query) {
        return records.list(type, query);
    }

    @Override
    public Map<String, Object> get(UUID id, List<String> embed) {
        return records.get(type, id, embed);
    }

    @Override
    @Transactional
    public Map<String, Object> create(ObjectNode body) {
        return records.get(type, add(body), List.of());
    }

    /** Finds the record for the caller and applies the change, in a transaction of its own; see {@link RecordLifecycle#retrying}. */
    @Override
    public Map<String, Object> change(UUID id, ObjectNode body, String ifMatch) {
        return records.retrying(
                ifMatch, lockRow -> applyChange(records.writable(type, repository, id, ifMatch, lockRow), body));
    }

    /**
     * Applies a change body to a record the caller may change with the type's rules, saves it (history, audit,
     * events) and answers it as saved; runs in the change's transaction, maybe more than once (a retry).
     */
    protected abstract Map<String, Object> applyChange(T record, ObjectNode body);

    @Override
    public void delete(UUID id, String ifMatch) {
        records.retrying(ifMatch, lockRow -> {
            records.delete(type, repository, id, ifMatch, lockRow);
            return null;
        });
    }

    @Override
    public Map<String, Object> restore(UUID id) {
        return records.retrying(null, lockRow -> records.restore(type, repository, id, lockRow));
    }

    @Override
    public CursorPage<FieldHistory.Change> history(UUID id, Long beforeId, int limit) {
        return records.history(type, id, beforeId, limit);
    }

    @Override
    public CursorPage<Map<String, Object>> timeline(UUID id, String cursor, int limit) {
        return records.timeline(type, id, cursor, limit);
    }

    /** Whether a record of this type exists, is not deleted and the caller may read it. */
    public boolean isLive(UUID id) {
        return records.isLive(type, id);
    }
}
