package io.salesflow.platform.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL started when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where the cluster keeps its files, so a restart keeps the data
 * @param port TCP port on localhost; 0 picks a free one
 * @param ephemeral wipe the data directory at start (tests)
 */
@ConfigurationProperties("salesflow.embedded-db")
public record EmbeddedDatabaseProperties(
        @DefaultValue(".salesflow/pgdata") Path dataDirectory,
        @DefaultValue("54329") int port,
        @DefaultValue("false") boolean ephemeral,
        @DefaultValue("salesflow") String database,
        @DefaultValue("salesflow-owner-local") String ownerPassword,
        @DefaultValue("salesflow-app-local") String appPassword) {}
