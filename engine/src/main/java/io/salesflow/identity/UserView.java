package io.salesflow.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user as the API shows it. */
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
