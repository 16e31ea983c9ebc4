package io.salesflow.textmessage;

import io.salesflow.platform.secrets.SecretBox;
import io.salesflow.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The workspace's Twilio settings row; the auth token sealed under {@code twilio:<tenant>}. */
@Repository
class TwilioSettingsStore {

    /** The stored settings as the API shows them (no token). */
    record Stored(
            String accountSid,
            String fromNumber,
            String messagingServiceSid,
            String whatsappFrom,
            long version,
            Instant updatedAt) {}

    private final JdbcTemplate jdbc;
    private final SecretBox secrets;

    TwilioSettingsStore(JdbcTemplate jdbc, SecretBox secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    Optional<Stored> find() {
        return jdbc
                .query(
                        "SELECT account_sid, from_number, messaging_service_sid, whatsapp_from, version, updated_at"
                                + " FROM twilio_settings",
                        (rs, n) -> new Stored(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getLong(5),
                                rs.getTimestamp(6).toInstant()))
                .stream()
                .findFirst();
    }

    /** The account with its token opened, for sending and for checking Twilio's signatures. */
    Optional<TwilioAccount> account() {
        String context = context();
        return jdbc
                .query(
                        "SELECT account_sid, auth_token, from_number, messaging_service_sid, whatsapp_from"
                                + " FROM twilio_settings",
                        (rs, n) -> new TwilioAccount(
                                rs.getString(1),
                                secrets.open(rs.getBytes(2), context),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5)))
                .stream()
                .findFirst();
    }

    /**
     * Writes the settings; {@code authToken} null keeps the stored one (a first save must have one: the service
     * checks). Answers the new version.
     */
    long save(
            String accountSid,
            String authToken,
            String fromNumber,
            String messagingServiceSid,
            String whatsappFrom,
            UUID by,
            Instant at) {
        byte[] sealed = authToken == null ? null : secrets.seal(authToken, context());
        return jdbc.queryForObject(
                """
                INSERT INTO twilio_settings (account_sid, auth_token, from_number, messaging_service_sid, whatsapp_from,
                                             updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id) DO UPDATE SET account_sid = excluded.account_sid,
                    auth_token = coalesce(?, twilio_settings.auth_token), from_number = excluded.from_number,
                    messaging_service_sid = excluded.messaging_service_sid, whatsapp_from = excluded.whatsapp_from,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at,
                    version = twilio_settings.version + 1
                RETURNING version
                """,
                Long.class,
                accountSid,
                sealed == null ? new byte[0] : sealed,
                fromNumber,
                messagingServiceSid,
                whatsappFrom,
                by,
                Timestamp.from(at),
                sealed);
    }

    void lock() {
        jdbc.query("SELECT 1 FROM twilio_settings FOR UPDATE", rs -> {});
    }

    private static String context() {
        return "twilio:" + TenantContext.require();
    }
}
