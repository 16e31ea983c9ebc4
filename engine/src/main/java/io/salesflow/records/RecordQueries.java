package io.salesflow.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.identity.Caller;
import io.salesflow.identity.Scope;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.postgresql.util.PGobject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads records of any {@link RecordType} for a caller: one SQL statement per page with the caller's access
 * predicate, the filters, keyset pagination over the sort keys and the id; then one statement per embed.
 */
@Component
public class RecordQueries {

    private static final String ALIAS = "r";

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    private final Map<String, RecordType> typesByTable = new HashMap<>();

    RecordQueries(JdbcTemplate jdbc, ObjectMapper objectMapper, List<RecordType> types) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        types.forEach(t -> typesByTable.put(t.table(), t));
    }

    @Transactional(readOnly = true)
    public CursorPage<Map<String, Object>> list(RecordType type, ListQuery query, Caller caller) {
        List<SqlPart> where = new ArrayList<>();
        where.add(SqlPart.of(ALIAS + ".deleted_at IS NULL"));
        where.add(readable(type, caller));
        query.filters().forEach(f -> where.add(filter(f)));
        List<String> sortKeys = sortKeys(query.sort());
        if (query.cursor() != null) {
            where.add(keyset(
                    query.sort(),
                    sortKeys,
                    decodeCursor(query.cursor(), query.sort().size())));
        }
        SqlPart condition = SqlPart.and(where);
        StringBuilder sql = new StringBuilder(select(type, sortKeys));
        sql.append(" WHERE ").append(condition.sql()).append(" ORDER BY ");
        for (int i = 0; i < query.sort().size(); i++) {
            sql.append("(").append(sortKeys.get(i)).append(") IS NULL, ").append(sortKeys.get(i));
            sql.append(query.sort().get(i).descending() ? " DESC, " : " ASC, ");
        }
        sql.append(ALIAS).append(".id ASC LIMIT ").append(query.limit() + 1);
        List<Map<String, Object>> rows = jdbc.query(
                sql.toString(),
                (rs, n) -> row(type, rs, query.sort().size()),
                condition.params().toArray());
        CursorPage<Map<String, Object>> page = CursorPage.of(rows, query.limit(), this::encodeCursor);
        List<Map<String, Object>> items = new ArrayList<>(page.items());
        embed(type, query.embed(), items, caller);
        return new CursorPage<>(
                items.stream().map(r -> present(type, r, query.fields())).toList(), page.nextCursor());
    }

    /** One record the caller may read, with embeds; empty when it does not exist for them (or is deleted). */
    @Transactional(readOnly = true)
    public Optional<Map<String, Object>> get(RecordType type, UUID id, Caller caller, List<String> embeds) {
        SqlPart condition = SqlPart.and(List.of(
                SqlPart.of(ALIAS + ".id = ?", id), SqlPart.of(ALIAS + ".deleted_at IS NULL"), readable(type, caller)));
        List<Map<String, Object>> rows = jdbc.query(
                select(type, List.of()) + " WHERE " + condition.sql(),
                (rs, n) -> row(type, rs, 0),
                condition.params().toArray());
        embed(type, embeds, rows, caller);
        return rows.stream().findFirst().map(r -> present(type, r, List.of()));
    }

    /**
     * Whether the caller may see the record at all (deleted ones included, for restore and history). Records
     * outside their read scope answer 404, never 403: their existence is not the caller's business.
     */
    @Transactional(readOnly = true)
    public boolean isVisible(RecordType type, UUID id, Caller caller) {
        return matches(type, id, readable(type, caller));
    }

    /** Whether the record exists, is not deleted, and the caller may read it: what a link to it needs. */
    @Transactional(readOnly = true)
    public boolean isLive(RecordType type, UUID id, Caller caller) {
        SqlPart predicate = RecordAccess.predicate(caller, type.readPermission(), ALIAS);
        return predicate != null
                && matches(type, id, SqlPart.and(List.of(SqlPart.of(ALIAS + ".deleted_at IS NULL"), predicate)));
    }

    /** Whether the caller may change the record, by the write permission's scope. */
    @Transactional(readOnly = true)
    public boolean isWritable(RecordType type, UUID id, Caller caller) {
        SqlPart predicate = RecordAccess.predicate(caller, type.writePermission(), ALIAS);
        return predicate != null && matches(type, id, predicate);
    }

    /**
     * Whether a record owned by {@code ownerId} (in {@code teamId}) would be within the caller's write scope; only
     * the team scope needs the database.
     */
    @Transactional(readOnly = true)
    public boolean mayAssign(RecordType type, UUID ownerId, UUID teamId, Caller caller) {
        Scope scope = caller.scopeOf(type.writePermission()).orElse(null);
        if (scope == null || scope == Scope.OWN) {
            return scope != null && caller.userId().equals(ownerId);
        }
        if (scope == Scope.ALL) {
            return true;
        }
        SqlPart predicate = RecordAccess.predicate(caller, type.writePermission(), ALIAS);
        List<Object> params = new ArrayList<>(Arrays.asList(ownerId, teamId));
        params.addAll(predicate.params());
        Boolean allowed = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM (SELECT ?::uuid AS owner_id, ?::uuid AS team_id) " + ALIAS + " WHERE "
                        + predicate.sql() + ")",
                Boolean.class,
                params.toArray());
        return Boolean.TRUE.equals(allowed);
    }

    private boolean matches(RecordType type, UUID id, SqlPart predicate) {
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(predicate.params());
        Boolean found = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM " + type.table() + " " + ALIAS + " WHERE " + ALIAS + ".id = ? AND ("
                        + predicate.sql() + "))",
                Boolean.class,
                params.toArray());
        return Boolean.TRUE.equals(found);
    }

    private SqlPart readable(RecordType type, Caller caller) {
        SqlPart predicate = RecordAccess.predicate(caller, type.readPermission(), ALIAS);
        if (predicate == null) {
            throw Problem.forbidden("Your role does not allow reading " + type.name() + " records");
        }
        return predicate;
    }

    private static String select(RecordType type, List<String> sortKeys) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (RecordField f : type.fields().values()) {
            sql.append(ALIAS)
                    .append('.')
                    .append(f.column())
                    .append(" AS \"")
                    .append(f.name())
                    .append("\", ");
        }
        for (int i = 0; i < sortKeys.size(); i++) {
            sql.append(sortKeys.get(i)).append(" AS \"_k").append(i).append("\", ");
        }
        sql.append(ALIAS).append(".deleted_at AS \"_deletedAt\"");
        return sql.append(" FROM ")
                .append(type.table())
                .append(' ')
                .append(ALIAS)
                .toString();
    }

    private static List<String> sortKeys(List<ListQuery.Sort> sort) {
        return sort.stream()
                .map(s -> s.field().type() == FieldType.TEXT
                        ? "lower(" + ALIAS + "." + s.field().column() + ")"
                        : ALIAS + "." + s.field().column())
                .toList();
    }

    private static SqlPart filter(ListQuery.Filter f) {
        String col = ALIAS + "." + f.field().column();
        boolean text = f.field().type() == FieldType.TEXT;
        Object value = SqlValues.convert(
                f.field(), f.operator(), f.values().get(0), f.field().name());
        return switch (f.operator()) {
            case EQ -> text ? SqlPart.of("lower(" + col + ") = lower(?)", value) : SqlPart.of(col + " = ?", value);
            case NE ->
                text
                        ? SqlPart.of("lower(" + col + ") IS DISTINCT FROM lower(?)", value)
                        : SqlPart.of(col + " IS DISTINCT FROM ?", value);
            case LT -> SqlPart.of(col + " < ?", value);
            case LTE -> SqlPart.of(col + " <= ?", value);
            case GT -> SqlPart.of(col + " > ?", value);
            case GTE -> SqlPart.of(col + " >= ?", value);
            case CONTAINS -> SqlPart.of(col + " ILIKE ? ESCAPE '\\'", "%" + escapeLike((String) value) + "%");
            case STARTS_WITH -> SqlPart.of(col + " ILIKE ? ESCAPE '\\'", escapeLike((String) value) + "%");
            case HAS -> SqlPart.of(col + " @> ARRAY[lower(?)]::text[]", value);
            case IS_NULL -> SqlPart.of(col + ((Boolean) value ? " IS NULL" : " IS NOT NULL"));
            case IN -> {
                if (f.field().type() == FieldType.TEXT_ARRAY) {
                    String[] any = f.values().stream().map(String::toLowerCase).toArray(String[]::new);
                    yield SqlPart.of(col + " && ?::text[]", (Object) any);
                }
                List<Object> values = f.values().stream()
                        .map(v -> SqlValues.convert(
                                f.field(), Operator.EQ, v, f.field().name()))
                        .map(v -> text ? ((String) v).toLowerCase() : v)
                        .toList();
                String marks = String.join(", ", values.stream().map(v -> "?").toList());
                yield new SqlPart((text ? "lower(" + col + ")" : col) + " IN (" + marks + ")", values);
            }
        };
    }

    /** Rows after the cursor row in the sort order: nulls last in every key, the id breaking ties. */
    private static SqlPart keyset(List<ListQuery.Sort> sort, List<String> keys, List<String> cursor) {
        List<SqlPart> alternatives = new ArrayList<>();
        List<SqlPart> equalSoFar = new ArrayList<>();
        for (int i = 0; i < sort.size(); i++) {
            String key = keys.get(i);
            String raw = cursor.get(i);
            if (raw == null) {
                equalSoFar.add(SqlPart.of(key + " IS NULL"));
                continue;
            }
            RecordField field = sort.get(i).field();
            Object value = field.type() == FieldType.TEXT ? raw : SqlValues.convert(field, Operator.EQ, raw, "cursor");
            String after = sort.get(i).descending() ? " < ?" : " > ?";
            List<SqlPart> branch = new ArrayList<>(equalSoFar);
            branch.add(SqlPart.of("(" + key + after + ") OR " + key + " IS NULL", value));
            alternatives.add(SqlPart.and(branch));
            equalSoFar.add(SqlPart.of(key + " = ?", value));
        }
        List<SqlPart> last = new ArrayList<>(equalSoFar);
        last.add(SqlPart.of(ALIAS + ".id > ?", UUID.fromString(cursor.get(sort.size()))));
        alternatives.add(SqlPart.and(last));
        return SqlPart.or(alternatives);
    }

    private Map<String, Object> row(RecordType type, ResultSet rs, int keyCount) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        for (RecordField f : type.fields().values()) {
            row.put(f.name(), value(rs.getObject(f.name())));
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < keyCount; i++) {
            Object key = value(rs.getObject("_k" + i));
            keys.add(key == null ? null : key.toString());
        }
        row.put("_keys", keys);
        return row;
    }

    private Object value(Object raw) throws SQLException {
        if (raw instanceof Timestamp t) {
            return t.toInstant();
        }
        if (raw instanceof Array a) {
            return Arrays.asList((Object[]) a.getArray());
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

    /**
     * Adds related records. A related record is itself a CRM record (an account, say) only when the caller may
     * read it and it is not deleted; users and teams are the tenant's directory, visible to every member.
     */
    private void embed(RecordType type, List<String> embeds, List<Map<String, Object>> rows, Caller caller) {
        for (String name : embeds) {
            RecordType.Embed embed = type.embeds().get(name);
            RecordField fk = type.fields().values().stream()
                    .filter(f -> f.column().equals(embed.foreignKey()))
                    .findFirst()
                    .orElseThrow();
            Set<Object> ids = new java.util.HashSet<>();
            rows.forEach(r -> {
                if (r.get(fk.name()) != null) {
                    ids.add(r.get(fk.name()));
                }
            });
            Map<Object, Map<String, Object>> related = new HashMap<>();
            RecordType relatedType = typesByTable.get(embed.table());
            SqlPart access = relatedType == null
                    ? SqlPart.of("TRUE")
                    : RecordAccess.predicate(caller, relatedType.readPermission(), ALIAS);
            if (!ids.isEmpty() && access != null) {
                String columns = String.join(
                        ", ", embed.columns().stream().map(c -> ALIAS + "." + c).toList());
                List<Object> params = new ArrayList<>();
                params.add(ids.toArray(UUID[]::new));
                params.addAll(access.params());
                jdbc.query(
                        "SELECT " + ALIAS + ".id, " + columns + " FROM " + embed.table() + " " + ALIAS + " WHERE "
                                + ALIAS + ".id = ANY (?)"
                                + (relatedType == null ? "" : " AND " + ALIAS + ".deleted_at IS NULL")
                                + " AND (" + access.sql() + ")",
                        rs -> {
                            Map<String, Object> r = new LinkedHashMap<>();
                            r.put("id", rs.getObject("id"));
                            for (String c : embed.columns()) {
                                r.put(camel(c), value(rs.getObject(c)));
                            }
                            related.put(rs.getObject("id"), r);
                        },
                        params.toArray());
            }
            rows.forEach(r -> r.put(name, related.get(r.get(fk.name()))));
        }
    }

    /** The fields asked for (all when none were; the id always), then the embedded records. */
    private static Map<String, Object> present(RecordType type, Map<String, Object> row, List<String> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : type.fields().keySet()) {
            if (fields.isEmpty() || fields.contains(name) || name.equals("id")) {
                out.put(name, row.get(name));
            }
        }
        for (String name : type.embeds().keySet()) {
            if (row.containsKey(name)) {
                out.put(name, row.get(name));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    /** The sort key values and id of a row; {@link CursorPage} makes them opaque. */
    private String encodeCursor(Map<String, Object> row) {
        List<String> keys = new ArrayList<>((List<String>) row.get("_keys"));
        keys.add(row.get("id").toString());
        try {
            return objectMapper.writeValueAsString(keys);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> decodeCursor(String cursor, int keys) {
        try {
            List<String> values =
                    objectMapper.readValue(CursorPage.decode(cursor), new TypeReference<List<String>>() {});
            if (values.size() == keys + 1 && values.get(keys) != null) {
                UUID.fromString(values.get(keys));
                return values;
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // reported below
        }
        throw Problem.invalid("cursor", "is not a cursor of this list and sort order");
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
