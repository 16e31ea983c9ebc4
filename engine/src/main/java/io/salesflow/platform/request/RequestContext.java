package io.salesflow.platform.request;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling and from where, for the current request thread: filled by the web filters, read by
 * the audit log and security events. Background work has none; it records itself as the system.
 */
public final class RequestContext {

    private static final ThreadLocal<RequestMetadata> METADATA = new ThreadLocal<>();
    private static final ThreadLocal<Actor> ACTOR = new ThreadLocal<>();

    private RequestContext() {}

    public static Optional<RequestMetadata> metadata() {
        return Optional.ofNullable(METADATA.get());
    }

    public static Actor actor() {
        Actor actor = ACTOR.get();
        return actor == null ? Actor.SYSTEM : actor;
    }

    public static void setMetadata(RequestMetadata metadata) {
        METADATA.set(metadata);
    }

    public static void setActor(Actor actor) {
        ACTOR.set(actor);
    }

    public static void clear() {
        METADATA.remove();
        ACTOR.remove();
    }

    /** The request's id, or null outside a request. */
    public static String requestId() {
        return metadata().map(RequestMetadata::requestId).orElse(null);
    }

    /** The principal behind a change: a user, an API key, the platform operator, or Salesflow itself. */
    public record Actor(Type type, UUID id, String name) {
        public static final Actor SYSTEM = new Actor(Type.SYSTEM, null, "system");

        public enum Type {
            USER,
            API_KEY,
            PLATFORM_OPERATOR,
            SYSTEM
        }
    }
}
