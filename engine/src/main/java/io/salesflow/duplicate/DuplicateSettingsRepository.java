package io.salesflow.duplicate;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The current tenant's settings row (row-level security scopes every statement); none means the defaults. */
@Repository
class DuplicateSettingsRepository {

    private final JdbcTemplate jdbc;

    DuplicateSettingsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    DuplicateSettings current() {
        return read("");
    }

    /** The current settings, their row locked until the transaction ends (when there is a row). */
    DuplicateSettings lockCurrent() {
        return read(" FOR UPDATE");
    }

    private DuplicateSettings read(String lock) {
        return jdbc
                .query(
                        """
                        SELECT person_name_threshold, company_name_threshold, candidate_threshold, match_email,
                               match_phone, match_domain, match_name, gmail_dots, plus_tags, default_region, version
                        FROM duplicate_settings
                        """
                                + lock,
                        (rs, n) -> new DuplicateSettings(
                                rs.getDouble(1),
                                rs.getDouble(2),
                                rs.getDouble(3),
                                new DuplicateSettings.Signals(
                                        rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7)),
                                rs.getBoolean(8),
                                rs.getBoolean(9),
                                rs.getString(10),
                                rs.getLong(11)))
                .stream()
                .findFirst()
                .orElse(DuplicateSettings.DEFAULT);
    }

    /**
     * Inserts or replaces the row if it is still at {@code expectedVersion} (0: no row yet); answers the new version,
     * or nothing when another change came first.
     */
    Optional<Long> save(UUID tenantId, DuplicateSettings s, long expectedVersion) {
        return jdbc
                .query(
                        """
                INSERT INTO duplicate_settings (tenant_id, person_name_threshold, company_name_threshold,
                    candidate_threshold, match_email, match_phone, match_domain, match_name, gmail_dots, plus_tags,
                    default_region, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                ON CONFLICT (tenant_id) DO UPDATE SET
                    person_name_threshold = excluded.person_name_threshold,
                    company_name_threshold = excluded.company_name_threshold,
                    candidate_threshold = excluded.candidate_threshold,
                    match_email = excluded.match_email, match_phone = excluded.match_phone,
                    match_domain = excluded.match_domain, match_name = excluded.match_name,
                    gmail_dots = excluded.gmail_dots, plus_tags = excluded.plus_tags,
                    default_region = excluded.default_region,
                    version = duplicate_settings.version + 1, updated_at = now()
                WHERE duplicate_settings.version = ?
                RETURNING version
                """,
                        (rs, n) -> rs.getLong(1),
                        tenantId,
                        s.personNameThreshold(),
                        s.companyNameThreshold(),
                        s.candidateThreshold(),
                        s.signals().email(),
                        s.signals().phone(),
                        s.signals().domain(),
                        s.signals().name(),
                        s.gmailDots(),
                        s.plusTags(),
                        s.defaultRegion(),
                        expectedVersion)
                .stream()
                .findFirst();
    }
}
