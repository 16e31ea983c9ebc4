package io.salesflow.process.admin;

import io.salesflow.process.admin.DeployedForms.FormDefinitionView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's deployed Camunda Forms of one workspace, read from its tables: the engine's API has no query for
 * them. Every statement names the tenant and is served by the index of V32 (tenant, key, version).
 */
@Component
class FormDefinitionStore {

    private static final String COLUMNS =
            """
            SELECT f.id_, f.key_, f.version_, f.resource_name_, f.deployment_id_, d.deploy_time_
              FROM act_re_camformdef f
              LEFT JOIN act_re_deployment d ON d.id_ = f.deployment_id_
            """;

    private final JdbcTemplate jdbc;

    FormDefinitionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest version of each form key, by key, from {@code offset}. */
    List<FormDefinitionView> latest(String tenant, int offset, int limit) {
        return jdbc.query(
                COLUMNS
                        + """
                         WHERE f.tenant_id_ = ?
                           AND f.version_ = (SELECT max(l.version_) FROM act_re_camformdef l
                                              WHERE l.tenant_id_ = f.tenant_id_ AND l.key_ = f.key_)
                         ORDER BY f.key_
                         OFFSET ? LIMIT ?
                        """,
                FormDefinitionStore::view,
                tenant,
                offset,
                limit);
    }

    /** Every version of one key, newest first, from {@code offset}. */
    List<FormDefinitionView> versions(String tenant, String key, int offset, int limit) {
        return jdbc.query(
                COLUMNS + " WHERE f.tenant_id_ = ? AND f.key_ = ? ORDER BY f.version_ DESC OFFSET ? LIMIT ?",
                FormDefinitionStore::view,
                tenant,
                key,
                offset,
                limit);
    }

    Optional<FormDefinitionView> find(String tenant, String id) {
        return jdbc
                .query(COLUMNS + " WHERE f.tenant_id_ = ? AND f.id_ = ?", FormDefinitionStore::view, tenant, id)
                .stream()
                .findFirst();
    }

    private static FormDefinitionView view(ResultSet rs, int row) throws SQLException {
        Timestamp deployed = rs.getTimestamp("deploy_time_");
        return new FormDefinitionView(
                rs.getString("id_"),
                rs.getString("key_"),
                rs.getInt("version_"),
                rs.getString("resource_name_"),
                rs.getString("deployment_id_"),
                deployed == null ? null : deployed.toInstant());
    }
}
