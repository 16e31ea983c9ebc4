package io.salesflow.textmessage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The workspace's opt-out list: numbers that texted STOP (or another of Twilio's opt-out keywords) get no more
 * text messages until they text START.
 */
@Repository
public class OptOuts {

    static final Set<String> STOP =
            Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE");
    static final Set<String> START = Set.of("START", "UNSTOP");

    private final JdbcTemplate jdbc;

    OptOuts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The keyword a message body is, upper-case, when it is one of the opt-out or opt-in keywords. */
    static Optional<String> keyword(String body) {
        if (body == null) {
            return Optional.empty();
        }
        String k = body.trim().toUpperCase(Locale.ROOT).replaceAll("[.!]+$", "");
        return STOP.contains(k) || START.contains(k) ? Optional.of(k) : Optional.empty();
    }

    /** Whether the number texted STOP (and not START since): no text message goes to it. */
    public boolean optedOut(String phone) {
        return phone != null && contains(phone);
    }

    boolean contains(String phone) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM text_opt_outs WHERE phone = ?)", Boolean.class, phone));
    }

    void add(String phone, String keyword) {
        jdbc.update(
                "INSERT INTO text_opt_outs (phone, keyword) VALUES (?, ?) ON CONFLICT (tenant_id, phone) DO UPDATE"
                        + " SET keyword = excluded.keyword, opted_out_at = now()",
                phone,
                keyword);
    }

    void remove(String phone) {
        jdbc.update("DELETE FROM text_opt_outs WHERE phone = ?", phone);
    }

    /** Newest first, after the given position when there is one. */
    List<TextOptOut> page(Instant afterAt, String afterPhone, int limit) {
        return jdbc.query(
                "SELECT phone, keyword, opted_out_at FROM text_opt_outs"
                        + " WHERE (?::timestamptz IS NULL OR (opted_out_at, phone) < (?::timestamptz, ?))"
                        + " ORDER BY opted_out_at DESC, phone DESC LIMIT ?",
                (rs, n) -> new TextOptOut(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
                afterAt == null ? null : Timestamp.from(afterAt),
                afterAt == null ? null : Timestamp.from(afterAt),
                afterPhone,
                limit);
    }
}
