package io.salesflow.identity;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The callers this node built, each kept with the workspace's identity version it was built at and served only while
 * the version read for the request is still that one. The version must be read before the caller is built (then the
 * caller is at least as new as its version): {@link SessionCallers} and {@link ApiKeys} read it with the session or
 * the key.
 */
@Component
class CallerCache {

    /** Far above the active users of a node; when reached the cache starts over rather than tracking use. */
    static final int MAX_ENTRIES = 20_000;

    private record Key(UUID tenantId, UUID userId) {}

    private record Entry(long version, Caller caller) {}

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final CallerFactory factory;

    CallerCache(CallerFactory factory) {
        this.factory = factory;
    }

    /** The active user's caller at {@code identityVersion}, in the current tenant's transaction; empty if inactive. */
    Optional<Caller> forUser(UUID tenantId, UUID userId, String tenantSlug, UUID sessionId, long identityVersion) {
        Key key = new Key(tenantId, userId);
        Entry entry = entries.get(key);
        if (entry == null || entry.version() != identityVersion) {
            Optional<Caller> built = factory.forUser(userId, tenantSlug, null);
            if (built.isEmpty()) {
                entries.remove(key);
                return Optional.empty();
            }
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entry = new Entry(identityVersion, built.get());
            entries.put(key, entry);
        }
        return Optional.of(inSession(entry.caller(), sessionId));
    }

    /** The caller kept for a user, if any: for tests that check what a change evicts. */
    Optional<Caller> cached(UUID tenantId, UUID userId) {
        return Optional.ofNullable(entries.get(new Key(tenantId, userId))).map(Entry::caller);
    }

    private static Caller inSession(Caller c, UUID sessionId) {
        return sessionId == null
                ? c
                : new Caller(
                        c.kind(),
                        c.principalId(),
                        c.userId(),
                        c.tenantId(),
                        c.tenantSlug(),
                        c.name(),
                        c.roles(),
                        c.permissions(),
                        c.teamIds(),
                        sessionId);
    }
}
