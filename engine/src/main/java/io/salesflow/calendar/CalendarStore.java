package io.salesflow.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The current tenant's calendar, its holidays and its users' own calendars (row-level security scopes every
 * statement). Working hours are kept as JSON in the API's shape: a week is always read and replaced whole.
 */
@Repository
class CalendarStore {

    private static final String TENANT =
            """
            SELECT c.time_zone, c.working_hours::text, c.version,
                   (SELECT coalesce(jsonb_agg(jsonb_build_object('date', h.day, 'name', h.name) ORDER BY h.day), '[]')
                    FROM business_holidays h)::text
            FROM business_calendars c
            """;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    CalendarStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The calendar with its holidays, read in one statement so both are of one version; none means the defaults. */
    StoredCalendar tenant() {
        return read(TENANT);
    }

    /** The calendar, its row locked until the transaction ends. */
    StoredCalendar lockTenant() {
        return read(TENANT + " FOR UPDATE OF c");
    }

    long tenantVersion() {
        return jdbc.queryForList("SELECT version FROM business_calendars", Long.class).stream()
                .findFirst()
                .orElse(StoredCalendar.DEFAULT.version());
    }

    /**
     * What changes with every saved change, also one rolled back: the version with the writing transaction's id, so
     * that a calendar seen inside a transaction that then rolled back is not taken for the one saved after it.
     */
    String tenantStamp() {
        return jdbc.queryForList("SELECT version || ':' || xmin FROM business_calendars", String.class).stream()
                .findFirst()
                .orElse("defaults");
    }

    /** A new tenant's calendar: the defaults, at version 0. */
    void createDefault(UUID tenantId) {
        StoredCalendar d = StoredCalendar.DEFAULT;
        jdbc.update(
                """
                INSERT INTO business_calendars (tenant_id, time_zone, working_hours, version)
                VALUES (?, ?, ?::jsonb, 0) ON CONFLICT (tenant_id) DO NOTHING
                """,
                tenantId,
                d.zone().getId(),
                write(d.hours()));
    }

    /**
     * Replaces the calendar and its holidays if it is still at {@code expectedVersion}; answers the new version, or
     * nothing when another change came first.
     */
    Optional<Long> saveTenant(UUID tenantId, StoredCalendar c, long expectedVersion) {
        Optional<Long> version = jdbc
                .query(
                        """
                        INSERT INTO business_calendars (tenant_id, time_zone, working_hours, version)
                        VALUES (?, ?, ?::jsonb, 1)
                        ON CONFLICT (tenant_id) DO UPDATE SET
                            time_zone = excluded.time_zone, working_hours = excluded.working_hours,
                            version = business_calendars.version + 1, updated_at = now()
                        WHERE business_calendars.version = ?
                        RETURNING version
                        """,
                        (rs, n) -> rs.getLong(1),
                        tenantId,
                        c.zone().getId(),
                        write(c.hours()),
                        expectedVersion)
                .stream()
                .findFirst();
        version.ifPresent(v -> {
            jdbc.update("DELETE FROM business_holidays");
            jdbc.batchUpdate(
                    "INSERT INTO business_holidays (tenant_id, day, name) VALUES (?, ?, ?)",
                    c.holidays().stream()
                            .map(h -> new Object[] {tenantId, Date.valueOf(h.date()), h.name()})
                            .toList());
        });
        return version;
    }

    Optional<StoredOverride> user(UUID userId) {
        return readUser(userId, "");
    }

    Optional<StoredOverride> lockUser(UUID userId) {
        return readUser(userId, " FOR UPDATE");
    }

    /** Inserts or replaces a user's calendar if it is still at {@code expectedVersion} (0: no row yet). */
    Optional<Long> saveUser(UUID tenantId, UUID userId, StoredOverride o, long expectedVersion) {
        return jdbc
                .query(
                        """
                        INSERT INTO user_business_calendars (tenant_id, user_id, time_zone, working_hours, version)
                        VALUES (?, ?, ?, ?::jsonb, 1)
                        ON CONFLICT (tenant_id, user_id) DO UPDATE SET
                            time_zone = excluded.time_zone, working_hours = excluded.working_hours,
                            version = user_business_calendars.version + 1, updated_at = now()
                        WHERE user_business_calendars.version = ?
                        RETURNING version
                        """,
                        (rs, n) -> rs.getLong(1),
                        tenantId,
                        userId,
                        o.zone() == null ? null : o.zone().getId(),
                        o.hours() == null ? null : write(o.hours()),
                        expectedVersion)
                .stream()
                .findFirst();
    }

    private StoredCalendar read(String sql) {
        return jdbc
                .query(
                        sql,
                        (rs, n) -> new StoredCalendar(
                                ZoneId.of(rs.getString(1)),
                                hours(rs.getString(2)),
                                holidays(rs.getString(4)),
                                rs.getLong(3)))
                .stream()
                .findFirst()
                .orElse(StoredCalendar.DEFAULT);
    }

    private Optional<StoredOverride> readUser(UUID userId, String lock) {
        return jdbc
                .query(
                        "SELECT time_zone, working_hours::text, version FROM user_business_calendars WHERE user_id = ?"
                                + lock,
                        (rs, n) -> override(rs),
                        userId)
                .stream()
                .findFirst();
    }

    private StoredOverride override(ResultSet rs) throws SQLException {
        String zone = rs.getString(1);
        String hours = rs.getString(2);
        return new StoredOverride(
                zone == null ? null : ZoneId.of(zone), hours == null ? null : hours(hours), rs.getLong(3));
    }

    private WeeklyHours hours(String stored) {
        try {
            return WorkingHoursInput.read("workingHours", json.readTree(stored));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored working hours are not JSON", e);
        }
    }

    private List<CalendarViews.Holiday> holidays(String stored) {
        try {
            return List.of(json.readValue(stored, CalendarViews.Holiday[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored holidays are not JSON", e);
        }
    }

    private String write(WeeklyHours hours) {
        try {
            return json.writeValueAsString(CalendarViews.hours(hours));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
