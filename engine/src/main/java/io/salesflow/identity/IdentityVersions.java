package io.salesflow.identity;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Raises a workspace's identity version whenever its users, roles or teams change. A plain listener on purpose: it
 * runs inside the publisher's transaction, so the change and the new version commit together or not at all, and no
 * publisher of {@link IdentityChanged} can forget it.
 */
@Component
class IdentityVersions {

    private final JdbcTemplate jdbc;

    IdentityVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(IdentityChanged event) {
        jdbc.update(
                """
                INSERT INTO identity_versions (tenant_id, version) VALUES (?, 1)
                ON CONFLICT (tenant_id) DO UPDATE SET version = identity_versions.version + 1
                """,
                event.tenantId());
    }
}
