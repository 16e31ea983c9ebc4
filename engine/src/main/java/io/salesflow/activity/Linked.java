package io.salesflow.activity;

import java.util.Map;
import java.util.UUID;

/** A record with links to accounts, contacts, leads and deals. */
interface Linked {

    UUID link(Link link);

    void link(Link link, UUID id);

    default boolean hasLinks() {
        for (Link link : Link.values()) {
            if (link(link) != null) {
                return true;
            }
        }
        return false;
    }

    /** Adds the links to a snapshot under their field names. */
    default void putLinks(Map<String, Object> snapshot) {
        for (Link link : Link.values()) {
            snapshot.put(link.field(), link(link));
        }
    }
}
