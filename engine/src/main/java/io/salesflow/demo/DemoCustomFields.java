package io.salesflow.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two custom fields for a demo workspace, with values on some of its demo records: a lead's {@code budget}
 * (number) and an account's {@code tier} (picklist). Like {@link DemoRecords}: deterministic ids, written
 * straight to the tables, and loading again adds nothing nor overwrites a value someone changed.
 */
@Component
class DemoCustomFields {

    private final JdbcTemplate jdbc;

    DemoCustomFields(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Loads into the current tenant, over the first {@code accounts} and {@code leads} demo records. */
    @Transactional
    void load(UUID tenant, String slug, int accounts, int leads) {
        UUID tier = define(
                tenant,
                slug,
                "account",
                "tier",
                "Tier",
                "picklist",
                "How we serve them",
                "Strategic",
                "Key",
                "Standard");
        Map<UUID, Object> tiers = new LinkedHashMap<>();
        for (int a = 0; a < accounts; a++) {
            String value = a % 10 == 0 ? "Strategic" : a % 3 == 0 ? "Key" : a % 4 == 0 ? "Standard" : null;
            if (value != null) {
                tiers.put(DemoRecords.id(slug, "account", a), value);
            }
        }
        setValues("accounts", tier, "tier", "text", tiers);

        UUID budget = define(tenant, slug, "lead", "budget", "Budget", "number", "Expected spend in EUR");
        Map<UUID, Object> budgets = new LinkedHashMap<>();
        for (int l = 0; l < leads; l++) {
            if (l % 4 != 3) {
                budgets.put(DemoRecords.id(slug, "lead", l), 5_000 + (l * 2_500) % 95_000);
            }
        }
        setValues("leads", budget, "budget", "numeric", budgets);
    }

    private UUID define(
            UUID tenant,
            String slug,
            String recordType,
            String key,
            String label,
            String type,
            String helpText,
            String... options) {
        UUID id = UUID.nameUUIDFromBytes(
                (slug + "/customfield/" + recordType + "/" + key).getBytes(StandardCharsets.UTF_8));
        jdbc.update(
                """
                INSERT INTO custom_field_definitions (tenant_id, id, record_type, field_key, label, type, options,
                                                      help_text)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """,
                tenant,
                id,
                recordType,
                key,
                label,
                type,
                options,
                helpText);
        return id;
    }

    /**
     * Sets each record's value where it has none yet, and only while the key is the demo's definition (a
     * workspace that defined the key itself keeps its own).
     */
    private void setValues(String table, UUID definition, String key, String sqlType, Map<UUID, Object> values) {
        List<Object[]> rows = new ArrayList<>();
        values.forEach((record, value) -> rows.add(new Object[] {key, value, record, key, definition}));
        jdbc.batchUpdate(
                "UPDATE " + table + " SET custom_fields = custom_fields || jsonb_build_object(?::text, ?::" + sqlType
                        + ") WHERE id = ? AND custom_fields -> ? IS NULL"
                        + " AND EXISTS (SELECT 1 FROM custom_field_definitions d WHERE d.id = ?)",
                rows);
    }
}
