package io.salesflow.email;

import io.salesflow.platform.secrets.SecretBox;
import io.salesflow.tenancy.TenantContext;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The tenant's {@code email_settings} row, and its password sealed under the context {@code smtp:<tenant>}. */
@Component
class EmailSettingsStore {

    private final JdbcTemplate jdbc;
    private final SecretBox secrets;

    EmailSettingsStore(JdbcTemplate jdbc, SecretBox secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    Optional<EmailSettings> find(boolean lock) {
        return jdbc
                .query(
                        "SELECT * FROM email_settings" + (lock ? " FOR UPDATE" : ""),
                        (rs, i) -> new EmailSettings(
                                rs.getString("smtp_host"),
                                rs.getInt("smtp_port"),
                                rs.getString("smtp_security"),
                                rs.getString("smtp_username"),
                                rs.getBytes("smtp_password"),
                                rs.getString("from_address"),
                                rs.getString("from_name"),
                                rs.getString("reply_domain"),
                                rs.getInt("rate_per_minute"),
                                rs.getLong("version"),
                                rs.getTimestamp("updated_at").toInstant()))
                .stream()
                .findFirst();
    }

    /** Writes the settings as the next version; the password as given (already sealed, or null for none). */
    void save(EmailSettings settings) {
        jdbc.update(
                """
                INSERT INTO email_settings (tenant_id, smtp_host, smtp_port, smtp_security, smtp_username, smtp_password,
                    from_address, from_name, reply_domain, rate_per_minute, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                ON CONFLICT (tenant_id) DO UPDATE SET smtp_host = excluded.smtp_host, smtp_port = excluded.smtp_port,
                    smtp_security = excluded.smtp_security, smtp_username = excluded.smtp_username,
                    smtp_password = excluded.smtp_password, from_address = excluded.from_address,
                    from_name = excluded.from_name, reply_domain = excluded.reply_domain,
                    rate_per_minute = excluded.rate_per_minute, version = email_settings.version + 1,
                    updated_at = now()
                """,
                TenantContext.require(),
                settings.smtpHost(),
                settings.smtpPort(),
                settings.smtpSecurity(),
                settings.smtpUsername(),
                settings.sealedPassword(),
                settings.fromAddress(),
                settings.fromName(),
                settings.replyDomain(),
                settings.ratePerMinute());
    }

    byte[] seal(String password) {
        return secrets.seal(password, context());
    }

    String open(EmailSettings settings) {
        return settings.sealedPassword() == null ? null : secrets.open(settings.sealedPassword(), context());
    }

    private static String context() {
        UUID tenant = TenantContext.require();
        return "smtp:" + tenant;
    }
}
