package io.salesflow.process.nurture;

import io.salesflow.tenancy.TenantContext;
import java.time.Duration;
import java.time.Period;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The tenant's nurture settings row; a tenant without one runs on {@link NurtureSettings#DEFAULTS}. */
@Component
class NurtureSettingsStore {

    private final JdbcTemplate jdbc;

    NurtureSettingsStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    NurtureSettings current() {
        return find(false).orElse(NurtureSettings.DEFAULTS);
    }

    NurtureSettings lockCurrent() {
        return find(true).orElse(NurtureSettings.DEFAULTS);
    }

    private Optional<NurtureSettings> find(boolean lock) {
        return jdbc
                .query(
                        "SELECT * FROM nurture_settings" + (lock ? " FOR UPDATE" : ""),
                        (rs, i) -> new NurtureSettings(
                                Duration.parse(rs.getString("first_contact_sla")),
                                rs.getInt("touch_count"),
                                rs.getInt("touch_spacing_days"),
                                Period.parse(rs.getString("cold_rescore_every")),
                                Period.parse(rs.getString("cold_requalify_after")),
                                Period.parse(rs.getString("unqualified_requalify_after")),
                                rs.getObject("warm_sequence_id", java.util.UUID.class),
                                rs.getLong("version")))
                .stream()
                .findFirst();
    }

    /** Saves {@code settings} if the stored version is still {@code expectedVersion}; the new version if so. */
    Optional<Long> save(NurtureSettings settings, long expectedVersion) {
        int written = jdbc.update(
                """
                INSERT INTO nurture_settings (tenant_id, first_contact_sla, touch_count, touch_spacing_days,
                    cold_rescore_every, cold_requalify_after, unqualified_requalify_after, warm_sequence_id, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
                ON CONFLICT (tenant_id) DO UPDATE SET first_contact_sla = excluded.first_contact_sla,
                    touch_count = excluded.touch_count, touch_spacing_days = excluded.touch_spacing_days,
                    cold_rescore_every = excluded.cold_rescore_every,
                    cold_requalify_after = excluded.cold_requalify_after,
                    unqualified_requalify_after = excluded.unqualified_requalify_after,
                    warm_sequence_id = excluded.warm_sequence_id,
                    version = nurture_settings.version + 1, updated_at = now()
                WHERE nurture_settings.version = ?
                """,
                TenantContext.require(),
                settings.firstContactSla().toString(),
                settings.touchCount(),
                settings.touchSpacingDays(),
                settings.coldRescoreEvery().toString(),
                settings.coldRequalifyAfter().toString(),
                settings.unqualifiedRequalifyAfter().toString(),
                settings.warmSequenceId(),
                expectedVersion);
        return written == 1 ? Optional.of(expectedVersion + 1) : Optional.empty();
    }
}
