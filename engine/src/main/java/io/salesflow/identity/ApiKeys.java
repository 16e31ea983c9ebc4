package io.salesflow.identity;

import io.salesflow.audit.AuditLog;
import io.salesflow.platform.problem.Problem;
import io.salesflow.tenancy.Tenant;
import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * API keys for external systems. A key reads {@code sfk_<workspace>_<prefix>_<secret>}; it is shown once,
 * only the SHA-256 of its secret is kept (the secret is 256 random bits, so a slow hash adds nothing),
 * and it grants exactly its scopes.
 */
@Service
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Tenants tenants;
    private final Roles roles;
    private final AuditLog audit;
    private final SecurityEvents events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final CallerCache callers;

    ApiKeys(
            JdbcTemplate jdbc,
            Tenants tenants,
            Roles roles,
            AuditLog audit,
            SecurityEvents events,
            Clock clock,
            PlatformTransactionManager transactionManager,
            CallerCache callers) {
        this.callers = callers;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.roles = roles;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public record NewApiKey(String name, List<String> scopes, Instant expiresAt) {}

    @Transactional
    public ApiKeyView create(NewApiKey command) {
        Caller creator = Caller.require();
        Set<String> known =
                roles.catalogue().stream().map(Roles.PermissionInfo::code).collect(Collectors.toSet());
        for (int i = 0; i < command.scopes().size(); i++) {
            String scope = command.scopes().get(i);
            if (!known.contains(scope) || scope.equals(Roles.WORKSPACE_OWNER)) {
                throw Problem.invalid("scopes[" + i + "]", "unknown scope '" + scope + "'");
            }
            if (!creator.can(scope)) {
                throw Problem.invalid("scopes[" + i + "]", "you cannot grant '" + scope + "', which you do not hold");
            }
        }
        if (command.expiresAt() != null && !command.expiresAt().isAfter(clock.instant())) {
            throw Problem.invalid("expiresAt", "must be in the future");
        }
        UUID id = UUID.randomUUID();
        String prefix = "sfk_" + creator.tenantSlug() + "_" + HexFormat.of().formatHex(randomBytes(6));
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        List<String> scopes = command.scopes().stream().distinct().sorted().toList();
        jdbc.update(
                """
                INSERT INTO api_keys (tenant_id, id, name, prefix, secret_hash, scopes, created_by, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                TenantContext.require(),
                id,
                command.name().trim(),
                prefix,
                Sessions.hash(secret),
                scopes.toArray(String[]::new),
                creator.userId(),
                command.expiresAt() == null ? null : Timestamp.from(command.expiresAt()));
        ApiKeyView created = find(id).orElseThrow();
        audit.record("apikey.created", "api_key", id, null, snapshot(created));
        events.record(SecurityEvents.Type.API_KEY_CREATED, true, creator.userId(), null, prefix);
        return withKey(created, prefix + "_" + secret);
    }

    @Transactional(readOnly = true)
    public List<ApiKeyView> list() {
        return jdbc.query(SELECT + " ORDER BY created_at DESC", ApiKeys::view);
    }

    @Transactional
    public ApiKeyView revoke(UUID id) {
        ApiKeyView before = find(id).orElseThrow(() -> Problem.notFound("API key", id));
        if (before.revokedAt() == null) {
            jdbc.update(
                    "UPDATE api_keys SET revoked_at = ?, version = version + 1 WHERE id = ?",
                    Timestamp.from(clock.instant()),
                    id);
        }
        ApiKeyView after = find(id).orElseThrow();
        audit.record("apikey.revoked", "api_key", id, snapshot(before), snapshot(after));
        events.record(
                SecurityEvents.Type.API_KEY_REVOKED, true, Caller.require().userId(), null, before.prefix());
        return after;
    }

    /** Checks a presented key; the tenant comes from the key itself. */
    public Caller authenticate(String presented) {
        String[] parts = presented.split("_", 4);
        if (parts.length != 4 || !parts[0].equals("sfk")) {
            throw invalid("The API key is not well-formed");
        }
        Tenant tenant = tenants.findBySlug(parts[1])
                .filter(Tenant::isActive)
                .orElseThrow(() -> invalid("The API key is not valid"));
        String prefix = parts[0] + "_" + parts[1] + "_" + parts[2];
        // The rejection is recorded in the same transaction, which must commit: so fail after it.
        Object outcome = TenantContext.callAs(
                tenant.getId(), () -> transactions.execute(status -> verify(tenant, prefix, parts[3])));
        if (outcome instanceof Problem problem) {
            throw problem;
        }
        return (Caller) outcome;
    }

    private Object verify(Tenant tenant, String prefix, String secret) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                """
                SELECT id, secret_hash, scopes, created_by, expires_at, revoked_at, last_used_at,
                       COALESCE((SELECT v.version FROM identity_versions v WHERE v.tenant_id = k.tenant_id), 0)
                           AS identity_version
                FROM api_keys k WHERE prefix = ?
                """,
                prefix);
        if (rows.isEmpty()
                || !MessageDigest.isEqual(
                        ((String) rows.get(0).get("secret_hash")).getBytes(),
                        Sessions.hash(secret).getBytes())) {
            events.record(SecurityEvents.Type.API_KEY_REJECTED, false, null, null, prefix + ": unknown or forged");
            return invalid("The API key is not valid");
        }
        Map<String, Object> row = rows.get(0);
        UUID id = (UUID) row.get("id");
        Instant now = clock.instant();
        if (row.get("revoked_at") != null) {
            events.record(SecurityEvents.Type.API_KEY_REJECTED, false, null, null, prefix + ": revoked");
            return Problem.unauthorized("api-key-revoked", "The API key was revoked");
        }
        Timestamp expires = (Timestamp) row.get("expires_at");
        if (expires != null && !expires.toInstant().isAfter(now)) {
            events.record(SecurityEvents.Type.API_KEY_REJECTED, false, null, null, prefix + ": expired");
            return Problem.unauthorized("api-key-expired", "The API key expired at " + expires.toInstant());
        }
        Timestamp lastUsed = (Timestamp) row.get("last_used_at");
        if (lastUsed == null || lastUsed.toInstant().plus(LAST_USED_GRANULARITY).isBefore(now)) {
            jdbc.update("UPDATE api_keys SET last_used_at = ? WHERE id = ?", Timestamp.from(now), id);
        }
        // A key never does more than its creator could do now: scopes the creator lost are dropped, and each
        // record permission keeps the creator's scope (a rep's key reads what the rep reads).
        UUID creatorId = (UUID) row.get("created_by");
        Caller creator = callers.forUser(
                        tenant.getId(),
                        creatorId,
                        tenant.getSlug(),
                        null,
                        ((Number) row.get("identity_version")).longValue())
                .orElse(null);
        if (creator == null) {
            return Problem.unauthorized(
                    "api-key-revoked", "The API key's creator was deactivated; an admin must issue a new key");
        }
        Map<String, Scope> permissions = new LinkedHashMap<>();
        for (String scope : scopes(row.get("scopes"))) {
            creator.scopeOf(scope).ifPresent(held -> permissions.put(scope, held));
        }
        return new Caller(
                Caller.Kind.API_KEY,
                id,
                creatorId,
                tenant.getId(),
                tenant.getSlug(),
                prefix,
                Set.of(),
                Map.copyOf(permissions),
                creator.teamIds(),
                null);
    }

    private static Problem invalid(String detail) {
        return Problem.unauthorized("invalid-api-key", detail);
    }

    private Optional<ApiKeyView> find(UUID id) {
        return jdbc.query(SELECT + " WHERE id = ?", ApiKeys::view, id).stream().findFirst();
    }

    private static final String SELECT =
            "SELECT id, name, prefix, scopes, created_at, created_by, expires_at, revoked_at, last_used_at FROM api_keys";

    private static ApiKeyView view(ResultSet rs, int row) throws SQLException {
        return new ApiKeyView(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("prefix"),
                Arrays.asList(scopes(rs.getArray("scopes"))),
                instant(rs.getTimestamp("created_at")),
                rs.getObject("created_by", UUID.class),
                instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("revoked_at")),
                instant(rs.getTimestamp("last_used_at")),
                null);
    }

    private static String[] scopes(Object array) {
        try {
            Object value = array instanceof Array sql ? sql.getArray() : array;
            return (String[]) value;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiKeyView withKey(ApiKeyView v, String key) {
        return new ApiKeyView(
                v.id(),
                v.name(),
                v.prefix(),
                v.scopes(),
                v.createdAt(),
                v.createdBy(),
                v.expiresAt(),
                v.revokedAt(),
                v.lastUsedAt(),
                key);
    }

    private static Map<String, Object> snapshot(ApiKeyView v) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", v.name());
        s.put("prefix", v.prefix());
        s.put("scopes", v.scopes());
        s.put("expiresAt", v.expiresAt() == null ? null : v.expiresAt().toString());
        s.put("revokedAt", v.revokedAt() == null ? null : v.revokedAt().toString());
        return s;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
