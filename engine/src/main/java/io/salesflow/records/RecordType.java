package io.salesflow.records;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes one CRM record type to the shared machinery: its table, the API name of each field, the
 * permissions that guard reading and writing it, and which owner column record-level access looks at.
 *
 * @param name the type as it appears in history and audit rows, e.g. {@code account}
 * @param table the table; every record table has {@code id}, {@code owner_id}, {@code team_id},
 *     {@code deleted_at}, {@code version}
 */
public record RecordType(
        String name,
        String table,
        String readPermission,
        String writePermission,
        Map<String, RecordField> fields,
        Map<String, Embed> embeds,
        Search search) {

    /** Fields and embeds keep the order they were declared in: lists and exports show them that way. */
    public RecordType {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        embeds = Collections.unmodifiableMap(new LinkedHashMap<>(embeds));
    }

    /**
     * How a record shows in global search: SQL expressions (over alias {@code r}) for its title and subtitle.
     * What a query matches is the table's generated {@code search_text} column (see migration V18).
     */
    public record Search(String title, String subtitle) {}

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

        private Builder(String name, String table) {
            this.name = name;
            this.table = table;
            field(RecordField.uuid("id", "id"));
            field(RecordField.uuid("ownerId", "owner_id"));
            field(RecordField.uuid("teamId", "team_id"));
            field(RecordField.timestamp("createdAt", "created_at"));
            field(RecordField.timestamp("updatedAt", "updated_at"));
            field(RecordField.readOnly("version", "version", FieldType.NUMBER));
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

        public RecordType build() {
            return new RecordType(name, table, read, write, fields, embeds, search);
        }
    }
}
