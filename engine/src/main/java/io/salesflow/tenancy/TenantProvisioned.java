package io.salesflow.tenancy;

import java.util.UUID;

/** A new tenant exists; listeners give it what every tenant starts with. */
public record TenantProvisioned(UUID tenantId, String slug, String name) {}
