package io.salesflow.records;

import io.salesflow.identity.Caller;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What records are called where something else mentions them (a task about a lead, say): their labels, one query
 * per record type for a page of mentions, only for the live records the caller may read.
 */
@Component
public class RecordTitles {

    private final Map<String, RecordType> types;
    private final JdbcTemplate jdbc;

    RecordTitles(List<RecordType> types, JdbcTemplate jdbc) {
        this.types = types.stream()
                .filter(t -> t.search() != null)
                .collect(Collectors.toMap(RecordType::name, Function.identity()));
        this.jdbc = jdbc;
    }

    /**
     * The labels of the records of {@code type} among {@code ids} that the caller may read, by id; a record they may
     * not read, a deleted one and an unknown type are left out.
     */
    public Map<UUID, String> of(Caller caller, String type, Collection<UUID> ids) {
        RecordType recordType = types.get(type);
        if (recordType == null || ids.isEmpty()) {
            return Map.of();
        }
        SqlPart access = RecordAccess.predicate(caller, recordType.readPermission(), "r");
        if (access == null) {
            return Map.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(ids.toArray(UUID[]::new));
        params.addAll(access.params());
        Map<UUID, String> titles = new HashMap<>();
        jdbc.query(
                "SELECT r.id, " + recordType.search().label() + " FROM " + recordType.table()
                        + " r WHERE r.id = ANY (?) AND r.deleted_at IS NULL AND (" + access.sql() + ")",
                rs -> {
                    String title = rs.getString(2);
                    if (title != null && !title.isBlank()) {
                        titles.put(rs.getObject(1, UUID.class), title);
                    }
                },
                params.toArray());
        return titles;
    }
}
