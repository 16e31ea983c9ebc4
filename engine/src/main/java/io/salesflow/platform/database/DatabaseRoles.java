package io.salesflow.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The two PostgreSQL roles Salesflow relies on: the owner runs migrations and owns every table, the
 * runtime app role owns nothing and is subject to row-level security.
 */
@ConfigurationProperties("salesflow.database")
public record DatabaseRoles(
        @DefaultValue("salesflow_owner") String ownerRole, @DefaultValue("salesflow_app") String appRole) {}
