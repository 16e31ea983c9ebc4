package io.salesflow.process;

import io.salesflow.tenancy.Tenant;
import io.salesflow.tenancy.TenantScope;
import io.salesflow.tenancy.Tenants;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Component;

/**
 * Between our tenants and the engine's: a workspace's engine tenant id is its slug. Slugs never change, so both
 * directions are cached.
 */
@Component
public class TenantSwitch {

    private final Tenants tenants;
    private final TenantScope scope;
    private final Map<String, UUID> ids = new ConcurrentHashMap<>();
    private final Map<UUID, String> slugs = new ConcurrentHashMap<>();

    TenantSwitch(Tenants tenants, TenantScope scope) {
        this.tenants = tenants;
        this.scope = scope;
    }

    void runAs(String slug, Runnable work) {
        scope.runAs(idOf(slug), work);
    }

    /** The engine tenant id (the workspace slug) of a tenant. */
    public String slugOf(UUID tenantId) {
        return slugs.computeIfAbsent(tenantId, id -> tenants.findById(id)
                .map(Tenant::getSlug)
                .orElseThrow(() -> new ProcessEngineException("No workspace " + id)));
    }

    UUID idOf(String slug) {
        return ids.computeIfAbsent(slug, s -> tenants.findBySlug(s)
                .map(Tenant::getId)
                .orElseThrow(() -> new ProcessEngineException("No workspace " + s)));
    }
}
