package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Creates Camunda 7.24's tables from the scripts the engine ships, as the owner role: the engine itself
 * runs as the app role with schema updates off, so it never owns a table. Later Camunda versions add
 * their {@code postgres_engine_X_to_Y.sql} upgrade scripts as further migrations.
 */
public class V2__Camunda_engine_schema extends BaseJavaMigration {

    private static final String[] SCRIPTS = {
        "engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history"
    };

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String script : SCRIPTS) {
                statement.execute(read("org/camunda/bpm/engine/db/create/activiti.postgres.create." + script + ".sql"));
            }
        }
    }

    private static String read(String resource) {
        try (InputStream in = V2__Camunda_engine_schema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Camunda schema script missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
