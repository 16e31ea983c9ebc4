package io.salesflow.mailbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.audit.AuditLog;
import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.secrets.SecretBox;
import io.salesflow.platform.web.ETags;
import io.salesflow.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's mailboxes ({@code tenant:manage}, checked by the controller). */
@Service
public class Mailboxes {

    static final String COLUMNS =
            "id, name, host, port, ssl, username, folder, purpose, enabled, last_read_at," + " last_error, version";

    private final JdbcTemplate jdbc;
    private final SecretBox secrets;
    private final AuditLog audit;

    Mailboxes(JdbcTemplate jdbc, SecretBox secrets, AuditLog audit) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.audit = audit;
    }

    static String passwordContext(UUID tenant, UUID mailbox) {
        return "mailbox:" + tenant + ":" + mailbox;
    }

    @Transactional(readOnly = true)
    public List<MailboxView> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM mailboxes ORDER BY lower(name), id LIMIT 200", Mailboxes::view);
    }

    @Transactional(readOnly = true)
    public MailboxView get(UUID id) {
        return find(id);
    }

    @Transactional
    public MailboxView create(ObjectNode body) {
        MailboxInput in = MailboxInput.read(body, true);
        UUID id = UUID.randomUUID();
        UUID tenant = TenantContext.require();
        boolean ssl = in.ssl() == null || in.ssl();
        int port = in.port() != null ? in.port() : ssl ? 993 : 143;
        try {
            jdbc.update(
                    "INSERT INTO mailboxes (id, name, host, port, ssl, username, password_sealed, folder, purpose, enabled,"
                            + " created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id,
                    in.name(),
                    in.host(),
                    port,
                    ssl,
                    in.username(),
                    secrets.seal(in.password(), passwordContext(tenant, id)),
                    in.folder() == null ? "INBOX" : in.folder(),
                    in.purpose(),
                    in.enabled() == null || in.enabled(),
                    Caller.require().userId());
        } catch (DuplicateKeyException e) {
            throw Problem.invalid("name", "is the name of another mailbox");
        }
        MailboxView created = find(id);
        audit.record("mailbox.created", "mailbox", id, null, created);
        return created;
    }

    /** Changes the fields sent; a new host, user or folder reads the mailbox from the start again. */
    @Transactional
    public MailboxView change(UUID id, ObjectNode body, String ifMatch) {
        MailboxView before = lock(id);
        ETags.check(ifMatch, before.version());
        MailboxInput in = MailboxInput.read(body, false);
        boolean elsewhere = (in.host() != null && !in.host().equalsIgnoreCase(before.host()))
                || (in.username() != null && !in.username().equals(before.username()))
                || (in.folder() != null && !in.folder().equals(before.folder()));
        try {
            jdbc.update(
                    "UPDATE mailboxes SET name = coalesce(?, name), host = coalesce(?, host), port = coalesce(?, port),"
                            + " ssl = coalesce(?, ssl), username = coalesce(?, username),"
                            + " password_sealed = coalesce(?, password_sealed), folder = coalesce(?, folder),"
                            + " purpose = coalesce(?, purpose), enabled = coalesce(?, enabled),"
                            + " uid_validity = CASE WHEN ? THEN 0 ELSE uid_validity END,"
                            + " last_uid = CASE WHEN ? THEN 0 ELSE last_uid END, last_error = NULL,"
                            + " next_read_at = now(), updated_at = now(), version = version + 1 WHERE id = ?",
                    in.name(),
                    in.host(),
                    in.port(),
                    in.ssl(),
                    in.username(),
                    in.password() == null
                            ? null
                            : secrets.seal(in.password(), passwordContext(TenantContext.require(), id)),
                    in.folder(),
                    in.purpose(),
                    in.enabled(),
                    elsewhere,
                    elsewhere,
                    id);
        } catch (DuplicateKeyException e) {
            throw Problem.invalid("name", "is the name of another mailbox");
        }
        MailboxView after = find(id);
        audit.record("mailbox.changed", "mailbox", id, before, after);
        return after;
    }

    @Transactional
    public void delete(UUID id) {
        MailboxView before = lock(id);
        jdbc.update("DELETE FROM mailboxes WHERE id = ?", id);
        audit.record("mailbox.deleted", "mailbox", id, before, null);
    }

    /** Reads the mailbox at the next poll rather than at its turn. */
    @Transactional
    public void readSoon(UUID id) {
        find(id);
        jdbc.update("UPDATE mailboxes SET next_read_at = now() WHERE id = ?", id);
    }

    private MailboxView find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM mailboxes WHERE id = ?", Mailboxes::view, id).stream()
                .findFirst()
                .orElseThrow(() -> Problem.notFound("mailbox", id));
    }

    private MailboxView lock(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM mailboxes WHERE id = ? FOR UPDATE", Mailboxes::view, id).stream()
                .findFirst()
                .orElseThrow(() -> Problem.notFound("mailbox", id));
    }

    static MailboxView view(ResultSet rs, int row) throws SQLException {
        Timestamp lastRead = rs.getTimestamp("last_read_at");
        return new MailboxView(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("host"),
                rs.getInt("port"),
                rs.getBoolean("ssl"),
                rs.getString("username"),
                true,
                rs.getString("folder"),
                rs.getString("purpose"),
                rs.getBoolean("enabled"),
                lastRead == null ? null : lastRead.toInstant(),
                rs.getString("last_error"),
                rs.getLong("version"));
    }
}
