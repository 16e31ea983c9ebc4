package io.salesflow.records;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Describes one CRM record type to the shared machinery: its table, the API name of each field, the
 * permissions that guard reading and writing it, and which owner column record-level access looks at.
 *
 * @param name the type as it appears in history and audit rows, e.g. {@code account}
 * @param table the table; every record table has {@code id}, {@code owner_id}, {@code team_id},
 *     {@code deleted_at}, {@code version}
 * @param setBySalesflow fields a body may not set (the id, the timestamps, a score): shown, never written
 * @param required fields a new record needs
 * @param example values of a plausible record, for the API document
 * @param limits what a body may send in a field (longest text, allowed values): the input checks and the API
 *     document both read them here, so the two cannot drift apart
 */
public record RecordType(
        String name,
        String table,
        String readPermission,
        String writePermission,
        Map<String, RecordField> fields,
        Map<String, Embed> embeds,
        Search search,
        Set<String> setBySalesflow,
        Set<String> required,
        Map<String, Object> example,
        Map<String, Limit> limits) {

    /** Fields and embeds keep the order they were declared in: lists and exports show them that way. */
    public RecordType {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        embeds = Collections.unmodifiableMap(new LinkedHashMap<>(embeds));
        setBySalesflow = Collections.unmodifiableSet(new LinkedHashSet<>(setBySalesflow));
        required = Collections.unmodifiableSet(new LinkedHashSet<>(required));
        example = Collections.unmodifiableMap(new LinkedHashMap<>(example));
        limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits));
    }

    /** The longest text a body may send in {@code field}. */
    public int maxLength(String field) {
        Limit limit = limits.get(field);
        if (limit == null || limit.maxLength() == null) {
            throw new IllegalStateException(name + "." + field + " has no declared maximum length");
        }
        return limit.maxLength();
    }

    /** The values a body may send in {@code field}, in the order the API document lists them. */
    public Set<String> values(String field) {
        Limit limit = limits.get(field);
        if (limit == null || limit.values().isEmpty()) {
            throw new IllegalStateException(name + "." + field + " has no declared values");
        }
        return limit.values();
    }

    /** The closed set of values of {@code field}, empty when the field takes any text. */
    public Set<String> closedValues(String field) {
        Limit limit = limits.get(field);
        return limit == null ? Set.of() : limit.values();
    }

    /** A field's limits as a body sees them: a maximum length, or a closed set of values (empty when open). */
    public record Limit(Integer maxLength, Set<String> values) {
        public Limit {
            values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }
    }

    /**
     * How a record shows in global search: SQL expressions (over alias {@code r}) for its title and subtitle.
     * What a query matches is the table's generated {@code search_text} column (see migration V18). {@code label}
     * names the record where it is mentioned elsewhere (the task about it, say); the title unless the type says.
     */
    public record Search(String title, String subtitle, String label) {

        public Search(String title, String subtitle) {
            this(title, subtitle, title);
        }
    }

    public static Builder builder(String name, String table) {
        return new Builder(name, table);
    }

    /** A related record shown inside this one with {@code ?embed=name}: a join on a foreign key column. */
    public record Embed(String name, String foreignKey, String table, List<String> columns) {}

    public static final class Builder {
        private final String name;
        private final String table;
        private String read;
        private String write;
        private final Map<String, RecordField> fields = new LinkedHashMap<>();
        private final Map<String, Embed> embeds = new LinkedHashMap<>();
        private Search search;
        private final Set<String> setBySalesflow = new LinkedHashSet<>();
        private final Set<String> required = new LinkedHashSet<>();
        private final Map<String, Object> example = new LinkedHashMap<>();
        private final Map<String, Limit> limits = new LinkedHashMap<>();

        private Builder(String name, String table) {
            this.name = name;
            this.table = table;
            field(RecordField.uuid("id", "id"));
            field(RecordField.uuid("ownerId", "owner_id"));
            field(RecordField.uuid("teamId", "team_id"));
            field(RecordField.timestamp("createdAt", "created_at"));
            field(RecordField.timestamp("updatedAt", "updated_at"));
            field(RecordField.readOnly("version", "version", FieldType.NUMBER));
            setBySalesflow("id", "createdAt", "updatedAt", "version");
        }

        public Builder permissions(String read, String write) {
            this.read = read;
            this.write = write;
            return this;
        }

        public Builder field(RecordField field) {
            fields.put(field.name(), field);
            return this;
        }

        public Builder embed(String name, String foreignKey, String table, String... columns) {
            embeds.put(name, new Embed(name, foreignKey, table, List.of(columns)));
            return this;
        }

        /** Makes the type findable by {@code GET /api/v1/search}; its table needs a {@code search_text} column. */
        public Builder searchable(String title, String subtitle) {
            this.search = new Search(title, subtitle);
            return this;
        }

        /** How the record is named where it is mentioned elsewhere, if not by its search title. */
        public Builder labelled(String label) {
            this.search = new Search(search.title(), search.subtitle(), label);
            return this;
        }

        /** Fields the record shows but a body may not set: Salesflow derives them. */
        public Builder setBySalesflow(String... names) {
            setBySalesflow.addAll(List.of(names));
            return this;
        }

        /** Fields a body that creates a record must send. */
        public Builder required(String... names) {
            required.addAll(List.of(names));
            return this;
        }

        /** A value of a plausible record, shown as the API document's example. */
        public Builder example(String field, Object value) {
            example.put(field, value);
            return this;
        }

        /** The longest text a body may send in {@code field}. */
        public Builder maxLength(String field, int max) {
            limits.put(field, new Limit(max, Set.of()));
            return this;
        }

        /** The only values a body may send in {@code field}, each at most as long as the longest of them. */
        public Builder values(String field, List<String> allowed) {
            int longest = allowed.stream().mapToInt(String::length).max().orElse(0);
            limits.put(field, new Limit(longest, new LinkedHashSet<>(allowed)));
            return this;
        }

        public RecordType build() {
            List<String> undeclared = new ArrayList<>(setBySalesflow);
            undeclared.addAll(required);
            undeclared.addAll(example.keySet());
            undeclared.addAll(limits.keySet());
            undeclared.removeAll(fields.keySet());
            if (!undeclared.isEmpty()) {
                throw new IllegalStateException(name + " names fields it does not declare: " + undeclared);
            }
            return new RecordType(
                    name, table, read, write, fields, embeds, search, setBySalesflow, required, example, limits);
        }
    }
}
