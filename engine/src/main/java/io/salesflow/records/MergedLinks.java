package io.salesflow.records;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Points a link field of one record type (an activity's {@code contactId}, a contact's {@code accountId}, a lookup
 * custom field) at the survivor of a merge instead of the merged-away records, for {@link MergeParticipant}s. Every
 * row moves, deleted ones too (restored, they point at the survivor), and each move is kept in the row's field
 * history and bumps its version.
 */
@Component
public class MergedLinks {

    private final JdbcTemplate jdbc;
    private final FieldHistory history;

    MergedLinks(JdbcTemplate jdbc, FieldHistory history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    /** Moves the field named {@code field} of {@code type} (a plain id column); answers how many rows moved. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int move(RecordType type, String field, MergeParticipant.Merge merge) {
        RecordField f = type.fields().get(field);
        if (f == null) {
            throw new IllegalArgumentException(type.name() + " has no field " + field);
        }
        return move(type, f, merge);
    }

    /** Moves {@code field} of {@code type}, a plain id column or an id kept as text under a key of a JSON column. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int move(RecordType type, RecordField field, MergeParticipant.Merge merge) {
        String table = type.table();
        SqlPart statement;
        if (field.jsonKey() == null) {
            String column = field.column();
            statement = SqlPart.of(
                    "UPDATE " + table + " t SET " + column + " = ?, version = t.version + 1, updated_at = now()"
                            + " FROM (SELECT s.id, s." + column + " AS was FROM " + table + " s WHERE s." + column
                            + " = ANY (?)) o WHERE t.id = o.id RETURNING t.id, o.was::text",
                    merge.survivorId(),
                    merge.mergedIds().toArray(UUID[]::new));
        } else {
            String column = field.column();
            statement = SqlPart.of(
                    "UPDATE " + table + " t SET " + column + " = jsonb_set(t." + column
                            + ", ARRAY[?::text], to_jsonb(?::text)), version = t.version + 1, updated_at = now()"
                            + " FROM (SELECT s.id, s." + column + " ->> ? AS was FROM " + table + " s WHERE (s."
                            + column + " ->> ?) = ANY (?)) o WHERE t.id = o.id RETURNING t.id, o.was",
                    field.jsonKey(),
                    merge.survivorId().toString(),
                    field.jsonKey(),
                    field.jsonKey(),
                    merge.mergedIds().stream().map(UUID::toString).toArray(String[]::new));
        }
        List<Moved> moved = jdbc.query(
                statement.sql(),
                (rs, n) -> new Moved(rs.getObject(1, UUID.class), rs.getString(2)),
                statement.params().toArray());
        for (Moved m : moved) {
            history.record(
                    type.name(),
                    m.id(),
                    Map.of(field.name(), m.was()),
                    Map.of(field.name(), merge.survivorId().toString()));
        }
        return moved.size();
    }

    private record Moved(UUID id, String was) {}
}
