package io.salesflow.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user as the API shows it. {@code lockedUntil}: while many failed sign-ins hold the account, when addresses
 * that never signed in to it may try again; null otherwise.
 */
public record UserView(
        UUID id,
        String email,
        String displayName,
        String status,
        List<String> roles,
        List<TeamRef> teams,
        Instant lockedUntil,
        Instant createdAt,
        long version) {

    public record TeamRef(UUID id, String name) {}
}
