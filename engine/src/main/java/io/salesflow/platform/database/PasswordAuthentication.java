package io.salesflow.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cluster's {@code pg_hba.conf}: every role, the {@code postgres} superuser included, signs in with its
 * password (scram-sha-256) from localhost; nobody is trusted. Clusters made by Salesflow before the superuser
 * had a password trust it on localhost; {@link #trustsAnyone} finds those so the bootstrap can give the
 * superuser its password before the trust goes.
 */
final class PasswordAuthentication {

    private static final String HBA =
            """
            # Written by Salesflow's embedded PostgreSQL bootstrap: every role signs in with its password.
            local   all   all                      scram-sha-256
            host    all   all        127.0.0.1/32  scram-sha-256
            host    all   all        ::1/128       scram-sha-256
            """;

    private PasswordAuthentication() {}

    static void require(Path dataDirectory) {
        try {
            Files.writeString(hba(dataDirectory), HBA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether any line of the cluster's {@code pg_hba.conf} lets a role in without a password. */
    static boolean trustsAnyone(Path dataDirectory) {
        try {
            return Files.readAllLines(hba(dataDirectory)).stream()
                    .map(line -> line.replaceFirst("#.*", "").trim())
                    .filter(line -> !line.isEmpty())
                    .anyMatch(line -> line.matches(".*\\s(trust)(\\s.*)?$"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path hba(Path dataDirectory) {
        return dataDirectory.resolve("pg_hba.conf");
    }
}
