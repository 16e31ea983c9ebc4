package io.salesflow.tenancy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up and provisions tenants. */
@Service
public class Tenants {

    private final TenantRepository repository;
    private final ApplicationEventPublisher events;

    Tenants(TenantRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Optional<Tenant> findBySlug(String slug) {
        return repository.findBySlug(slug);
    }

    @Transactional(readOnly = true)
    public Optional<Tenant> findById(UUID id) {
        return repository.findById(id);
    }

    @Transactional(readOnly = true)
    public List<Tenant> all() {
        return repository.findAll();
    }

    /** Creates the tenant if its slug is new; announces it so identity can give it its system roles. */
    @Transactional
    public Tenant provision(String slug, String name) {
        return repository.findBySlug(slug).orElseGet(() -> {
            Tenant tenant = repository.save(new Tenant(UUID.randomUUID(), slug, name));
            events.publishEvent(new TenantProvisioned(tenant.getId(), slug, name));
            return tenant;
        });
    }
}
