package io.salesflow.platform.database;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * Rewrites a fresh cluster's {@code pg_hba.conf}: initdb trusts everyone on localhost, we trust only
 * the bootstrap superuser and make the owner and app roles present their passwords.
 */
final class PasswordAuthentication {

    private static final String HBA =
            """
            # Written by Salesflow's embedded PostgreSQL bootstrap.
            local   all   postgres                 trust
            host    all   postgres   127.0.0.1/32  trust
            host    all   postgres   ::1/128       trust
            local   all   all                      scram-sha-256
            host    all   all        127.0.0.1/32  scram-sha-256
            host    all   all        ::1/128       scram-sha-256
            """;

    private PasswordAuthentication() {}

    static void require(File dataDirectory) {
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), HBA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
