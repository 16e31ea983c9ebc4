package io.salesflow.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * What every record of a tenant has: an id, the tenant (fixed at creation), creation and change times,
 * and the row version behind its ETag. Ids are assigned at construction, so whether an entity is new is
 * tracked here: saving a new one inserts it without first looking for its id.
 */
@MappedSuperclass
public abstract class TenantEntity implements Persistable<UUID> {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    @Version
    private long version;

    @Transient
    private boolean stored;

    protected TenantEntity() {}

    protected TenantEntity(UUID tenantId) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    /**
     * Marks the record changed so that its version moves even when only a collection did. Collections are
     * kept out of optimistic locking ({@code @OptimisticLock(excluded = true)}): Hibernate counted the first
     * flush of a new record's non-empty collection as a change, which made a fresh ETag stale at once.
     */
    protected void changed() {
        updatedAt = Instant.now();
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
