package io.salesflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Tenants that existed before calendars got theirs from the migration, new ones from the provisioner: both the same.
 * The test database has no tenant when the migration runs, so the migration's default is read from its text.
 */
class CalendarMigrationTest {

    @Test
    void theMigrationGivesExistingTenantsTheDefaultNewOnesGet() throws IOException {
        String sql;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V28__business_calendars.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String insert = sql.substring(sql.indexOf("VALUES (t.id, "));
        String hours = insert.substring(insert.indexOf("'{") + 1, insert.indexOf("}'") + 1);

        assertThat(insert)
                .startsWith("VALUES (t.id, '" + StoredCalendar.DEFAULT.zone().getId() + "', ");
        assertThat(WorkingHoursInput.read("workingHours", new ObjectMapper().readTree(hours)))
                .isEqualTo(StoredCalendar.DEFAULT.hours());
    }
}
