package io.salesflow.identity;

import java.util.UUID;

/** Users, roles or teams of a tenant changed; the process engine's copy of the directory follows. */
public record IdentityChanged(UUID tenantId) {}
