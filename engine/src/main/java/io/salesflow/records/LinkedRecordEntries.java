package io.salesflow.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.util.PGobject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records of one type that point at a timeline's record, as timeline entries: for a {@link TimelineSource} whose
 * entries are CRM records themselves (activities, notes). The caller's read scope is part of the query.
 */
@Component
public class LinkedRecordEntries {

    private static final String ALIAS = "r";

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    LinkedRecordEntries(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /**
     * The live records of {@code type} the query's caller may read whose {@code linkColumn} names the query's
     * record, as entries of {@code kind} placed in time by {@code atColumn}, each with {@code fields} and its
     * owner ({@code id}, {@code displayName}, {@code email}). None when the caller may not read the type at all.
     */
    @Transactional(readOnly = true)
    public List<TimelineEntry> of(
            RecordType type,
            String kind,
            String linkColumn,
            String atColumn,
            List<String> fields,
            TimelineQuery query) {
        SqlPart access = RecordAccess.predicate(query.caller(), type.readPermission(), ALIAS);
        if (access == null) {
            return List.of();
        }
        String at = ALIAS + "." + atColumn;
        TimelineQuery.Condition after = query.keyset(at, kind, ALIAS + ".id::text");
        SqlPart condition = SqlPart.and(List.of(
                SqlPart.of(ALIAS + "." + linkColumn + " = ?", query.parentId()),
                SqlPart.of(ALIAS + ".deleted_at IS NULL"),
                access,
                new SqlPart(after.sql(), after.params())));
        StringBuilder sql = new StringBuilder("SELECT " + ALIAS + ".id, " + at + " AS \"_at\", ");
        for (String name : fields) {
            sql.append(ALIAS + "." + type.fields().get(name).column() + " AS \"" + name + "\", ");
        }
        sql.append("u.id AS \"_ownerId\", u.display_name AS \"_ownerName\", u.email AS \"_ownerEmail\" FROM ")
                .append(type.table() + " " + ALIAS + " LEFT JOIN users u ON u.id = " + ALIAS + ".owner_id WHERE ")
                .append(condition.sql())
                .append(" ORDER BY " + at + " DESC, " + ALIAS + ".id::text COLLATE \"C\" DESC LIMIT ")
                .append(query.limit());
        return jdbc.query(
                sql.toString(),
                (rs, n) -> new TimelineEntry(
                        rs.getTimestamp("_at").toInstant(), kind, rs.getString("id"), summary(rs, fields)),
                condition.params().toArray());
    }

    private Map<String, Object> summary(ResultSet rs, List<String> fields) throws SQLException {
        Map<String, Object> summary = new LinkedHashMap<>();
        for (String name : fields) {
            summary.put(name, value(rs.getObject(name)));
        }
        UUID owner = rs.getObject("_ownerId", UUID.class);
        if (owner != null) {
            Map<String, Object> embedded = new LinkedHashMap<>();
            embedded.put("id", owner);
            embedded.put("displayName", rs.getString("_ownerName"));
            embedded.put("email", rs.getString("_ownerEmail"));
            summary.put("owner", embedded);
        }
        return summary;
    }

    private Object value(Object raw) throws SQLException {
        if (raw instanceof Timestamp t) {
            return t.toInstant();
        }
        if (raw instanceof Array a) {
            return new ArrayList<>(Arrays.asList((Object[]) a.getArray()));
        }
        if (raw instanceof PGobject json
                && json.getValue() != null
                && json.getType().startsWith("json")) {
            try {
                return objectMapper.readTree(json.getValue());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return raw;
    }
}
