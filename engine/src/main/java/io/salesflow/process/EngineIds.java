package io.salesflow.process;

import java.util.UUID;

/** Our ids as the engine keeps them: text, and for users of Cockpit's own making, not always ours. */
public final class EngineIds {

    private EngineIds() {}

    /** The id as a UUID; null for none, or for one that is not ours (a user made in Cockpit). */
    public static UUID uuidOrNull(String id) {
        if (id == null) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
