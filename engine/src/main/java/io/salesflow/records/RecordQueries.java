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
import java.util.EnumSet;
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
        query.filters().forEach(f -> where.add(filter(type, f)));
        List<SqlPart> sortKeys = sortKeys(query.sort());
        if (query.cursor() != null) {
            where.add(keyset(
                    query.sort(),
                    sortKeys,
                    decodeCursor(query.cursor(), query.sort().size())));
        }
        List<Object> order = new ArrayList<>();
        for (int i = 0; i < query.sort().size(); i++) {
            SqlPart key = sortKeys.get(i);
            // NULLS LAST rather than a leading "key IS NULL" term: the same order, and an index on the key
            // (with the id) can give it without sorting the rows.
            order.add(key);
            order.add(query.sort().get(i).descending() ? " DESC NULLS LAST, " : " ASC NULLS LAST, ");
        }
        SqlPart statement = SqlPart.join(
                select(type, sortKeys),
                " WHERE ",
                SqlPart.and(where),
                " ORDER BY ",
                SqlPart.join(order.toArray()),
                ALIAS + ".id ASC LIMIT " + (query.limit() + 1));
        List<Map<String, Object>> rows = jdbc.query(
                statement.sql(),
                (rs, n) -> row(type, rs, query.sort().size()),
                statement.params().toArray());
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
        List<Map<String, Object>> rows = one(type, condition);
        embed(type, embeds, rows, caller);
        return rows.stream().findFirst().map(r -> present(type, r, List.of()));
    }

    /** One record whatever the caller's access, for answers the system owes them (see RecordLifecycle). */
    @Transactional(readOnly = true)
    Optional<Map<String, Object>> read(RecordType type, UUID id) {
        return one(type, SqlPart.of(ALIAS + ".id = ?", id)).stream().findFirst().map(r -> present(type, r, List.of()));
    }

    private List<Map<String, Object>> one(RecordType type, SqlPart condition) {
        return jdbc.query(
                select(type, List.of()).sql() + " WHERE " + condition.sql(),
                (rs, n) -> row(type, rs, 0),
                condition.params().toArray());
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

    private static SqlPart select(RecordType type, List<SqlPart> sortKeys) {
        List<Object> sql = new ArrayList<>();
        sql.add("SELECT ");
        for (RecordField f : type.fields().values()) {
            sql.add(ALIAS + "." + f.column() + " AS \"" + f.name() + "\", ");
        }
        for (int i = 0; i < sortKeys.size(); i++) {
            sql.addAll(List.of(sortKeys.get(i), " AS \"_k" + i + "\", "));
        }
        sql.add(ALIAS + ".deleted_at AS \"_deletedAt\" FROM " + type.table() + " " + ALIAS);
        return SqlPart.join(sql.toArray());
    }

    /**
     * The SQL behind a field: its column, or for a value inside a JSON object column the value under its key
     * (bound, never spliced into the statement), cast to the field's type.
     */
    private static SqlPart expression(RecordField field) {
        String column = ALIAS + "." + field.column();
        if (field.jsonKey() == null) {
            return SqlPart.of(column);
        }
        return SqlPart.of("(" + column + " ->> ?)" + cast(field.type()), field.jsonKey());
    }

    private static String cast(FieldType type) {
        return switch (type) {
            case NUMBER -> "::numeric";
            case DATE -> "::date";
            case TIMESTAMP -> "::timestamptz";
            case UUID -> "::uuid";
            case BOOLEAN -> "::boolean";
            case TEXT, TEXT_ARRAY, UUID_ARRAY, JSON -> "";
        };
    }

    private static List<SqlPart> sortKeys(List<ListQuery.Sort> sort) {
        return sort.stream()
                .map(s -> s.field().type() == FieldType.TEXT
                        ? SqlPart.join("lower(", expression(s.field()), ")")
                        : expression(s.field()))
                .toList();
    }

    private static SqlPart filter(RecordType type, ListQuery.Filter f) {
        SqlPart col = expression(f.field());
        Set<String> closed =
                f.field().jsonKey() == null ? type.closedValues(f.field().name()) : Set.of();
        if (!closed.isEmpty()
                && EnumSet.of(Operator.EQ, Operator.NE, Operator.IN).contains(f.operator())) {
            return closedValueFilter(col, f, closed);
        }
        boolean text = f.field().type() == FieldType.TEXT;
        Object value = SqlValues.convert(
                f.field(), f.operator(), f.values().get(0), f.field().name());
        SqlPart bound = SqlPart.bind(value);
        return switch (f.operator()) {
            case EQ -> {
                if (text) {
                    yield SqlPart.join("lower(", col, ") = lower(", bound, ")");
                }
                yield f.field().jsonKey() != null ? contains(f.field(), value) : SqlPart.join(col, " = ", bound);
            }
            case NE ->
                text
                        ? SqlPart.join("lower(", col, ") IS DISTINCT FROM lower(", bound, ")")
                        : SqlPart.join(col, " IS DISTINCT FROM ", bound);
            case LT -> SqlPart.join(col, " < ", bound);
            case LTE -> SqlPart.join(col, " <= ", bound);
            case GT -> SqlPart.join(col, " > ", bound);
            case GTE -> SqlPart.join(col, " >= ", bound);
            case CONTAINS -> like(col, "%" + escapeLike((String) value) + "%");
            case STARTS_WITH -> like(col, escapeLike((String) value) + "%");
            case HAS ->
                f.field().type() == FieldType.UUID_ARRAY
                        ? SqlPart.join(col, " @> ARRAY[", bound, "::uuid]")
                        : SqlPart.join(col, " @> ARRAY[lower(", bound, ")]::text[]");
            case IS_NULL -> SqlPart.join(col, (Boolean) value ? " IS NULL" : " IS NOT NULL");
            case IN -> {
                if (f.field().type() == FieldType.TEXT_ARRAY) {
                    String[] any = f.values().stream().map(String::toLowerCase).toArray(String[]::new);
                    yield SqlPart.join(col, " && ", SqlPart.bind(any), "::text[]");
                }
                List<Object> in = new ArrayList<>(List.of(text ? SqlPart.join("lower(", col, ")") : col, " IN ("));
                for (int i = 0; i < f.values().size(); i++) {
                    Object v = SqlValues.convert(
                            f.field(), Operator.EQ, f.values().get(i), f.field().name());
                    in.add(i == 0 ? "" : ", ");
                    in.add(SqlPart.bind(text ? ((String) v).toLowerCase() : v));
                }
                in.add(")");
                yield SqlPart.join(in.toArray());
            }
        };
    }

    /**
     * A field with a closed set of values (a status, a band, a country) holds them exactly as declared, so it is
     * compared as stored, which its indexes answer, instead of through {@code lower()}, which they cannot. The
     * filter's value still matches whatever its case; a value off the list matches nothing.
     */
    private static SqlPart closedValueFilter(SqlPart col, ListQuery.Filter f, Set<String> closed) {
        List<String> values = f.values().stream()
                .map(v -> closed.stream()
                        .filter(c -> c.equalsIgnoreCase(v))
                        .findFirst()
                        .orElse(v))
                .toList();
        return switch (f.operator()) {
            case EQ -> SqlPart.join(col, " = ", SqlPart.bind(values.get(0)));
            case NE -> SqlPart.join(col, " IS DISTINCT FROM ", SqlPart.bind(values.get(0)));
            default -> SqlPart.join(col, " = ANY (", SqlPart.bind(values.toArray(String[]::new)), "::text[])");
        };
    }

    private static SqlPart like(SqlPart col, String pattern) {
        return SqlPart.join(col, " ILIKE ", SqlPart.bind(pattern), " ESCAPE '\\'");
    }

    /**
     * Equality of a value inside a JSON column as containment ({@code column @> {"key": value}}), which the
     * column's GIN index answers; the value is cast the way the field's expression casts it.
     */
    private static SqlPart contains(RecordField field, Object value) {
        String type = cast(field.type()).isEmpty() ? "::text" : cast(field.type());
        return SqlPart.of(
                ALIAS + "." + field.column() + " @> jsonb_build_object(?::text, ?" + type + ")",
                field.jsonKey(),
                value);
    }

    /** Rows after the cursor row in the sort order: nulls last in every key, the id breaking ties. */
    private static SqlPart keyset(List<ListQuery.Sort> sort, List<SqlPart> keys, List<String> cursor) {
        List<SqlPart> alternatives = new ArrayList<>();
        List<SqlPart> equalSoFar = new ArrayList<>();
        for (int i = 0; i < sort.size(); i++) {
            SqlPart key = keys.get(i);
            String raw = cursor.get(i);
            if (raw == null) {
                equalSoFar.add(SqlPart.join(key, " IS NULL"));
                continue;
            }
            RecordField field = sort.get(i).field();
            Object value = field.type() == FieldType.TEXT ? raw : SqlValues.convert(field, Operator.EQ, raw, "cursor");
            String after = sort.get(i).descending() ? " < " : " > ";
            List<SqlPart> branch = new ArrayList<>(equalSoFar);
            branch.add(SqlPart.join("(", key, after, SqlPart.bind(value), ") OR ", key, " IS NULL"));
            alternatives.add(SqlPart.and(branch));
            equalSoFar.add(SqlPart.join(key, " = ", SqlPart.bind(value)));
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
                                r.put(FieldNames.camel(c), value(rs.getObject(c)));
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
            if (values != null && values.size() == keys + 1 && values.get(keys) != null) {
                UUID.fromString(values.get(keys));
                return values;
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // reported below
        }
        throw Problem.invalid("cursor", "is not a cursor of this list and sort order");
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
