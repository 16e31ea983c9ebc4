package io.salesflow.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * With no {@code spring.datasource.url} configured, starts the embedded PostgreSQL and connects the
 * application as the app role and Flyway as the owner role. With a URL configured this stays off and
 * Spring Boot's own data source settings apply (see docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "release")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties properties, DatabaseRoles roles) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.shared(properties, roles);
        server.acquire();
        return server;
    }

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(
            EmbeddedPostgresServer server, EmbeddedDatabaseProperties properties, DatabaseRoles roles) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(server.jdbcUrl());
        ds.setUsername(roles.appRole());
        ds.setPassword(properties.appPassword());
        return ds;
    }

    @Bean
    @FlywayDataSource
    DataSource flywayDataSource(
            EmbeddedPostgresServer server, EmbeddedDatabaseProperties properties, DatabaseRoles roles) {
        return new SimpleDriverDataSource(
                new org.postgresql.Driver(), server.jdbcUrl(), roles.ownerRole(), properties.ownerPassword());
    }
}
