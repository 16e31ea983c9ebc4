package io.salesflow.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads PostgreSQL's catalog as the app role: the rules of tenancy hold for every table, present and future. */
@IntegrationTest
class RowLevelSecurityCatalogTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyTableWithATenantIdHasRowLevelSecurityEnabledAndForced() {
        List<Map<String, Object>> tables = jdbc.queryForList(
                """
                SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                       EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid) AS has_policy,
                       a.attnotnull
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                """);
        assertThat(tables).extracting(t -> t.get("relname")).contains("users", "roles", "audit_log", "api_keys");
        assertThat(tables).allSatisfy(t -> assertThat(t)
                .as("table %s", t.get("relname"))
                .containsEntry("relrowsecurity", true)
                .containsEntry("relforcerowsecurity", true)
                .containsEntry("has_policy", true)
                .containsEntry("attnotnull", true));
    }

    @Test
    void theRuntimeRoleOwnsNothingAndCannotBypassRowLevelSecurity() {
        Map<String, Object> role = jdbc.queryForMap(
                "SELECT rolname, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user");
        assertThat(role)
                .containsEntry("rolname", "salesflow_app")
                .containsEntry("rolsuper", false)
                .containsEntry("rolbypassrls", false)
                .containsEntry("rolcreaterole", false)
                .containsEntry("rolcreatedb", false);
        Integer owned = jdbc.queryForObject(
                """
                SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
                WHERE r.rolname = current_user
                """,
                Integer.class);
        assertThat(owned).isZero();
        Boolean ownsSchema = jdbc.queryForObject(
                "SELECT nspowner = (SELECT oid FROM pg_roles WHERE rolname = current_user) FROM pg_namespace WHERE nspname = 'public'",
                Boolean.class);
        assertThat(ownsSchema).isFalse();
        Boolean canCreate = jdbc.queryForObject("SELECT has_schema_privilege('public', 'CREATE')", Boolean.class);
        assertThat(canCreate).isFalse();
    }

    @Test
    void uniqueAndForeignKeysOfTenantTablesIncludeTheTenant() {
        List<Map<String, Object>> constraints = jdbc.queryForList(
                """
                SELECT c.conrelid::regclass::text AS tbl, c.conname, c.contype
                FROM pg_constraint c
                JOIN pg_attribute t ON t.attrelid = c.conrelid AND t.attname = 'tenant_id'
                WHERE c.contype IN ('p', 'u', 'f')
                  AND c.connamespace = 'public'::regnamespace
                  AND NOT (t.attnum = ANY (c.conkey))
                  AND NOT (c.contype = 'f' AND c.confrelid IN ('tenants'::regclass, 'permissions'::regclass))
                """);
        assertThat(constraints).as("keys of tenant tables without tenant_id").isEmpty();
    }
}
