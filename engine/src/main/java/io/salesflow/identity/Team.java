package io.salesflow.identity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.OptimisticLock;

/** A sales team with a manager and members; record access by team scope follows membership. */
@Entity
@Table(name = "teams")
class Team {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String name;

    @Column(name = "manager_id")
    private UUID managerId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    @Version
    private long version;

    // Changes bump the version through updatedAt (see touch()): Hibernate also counted the first flush of a
    // new entity's non-empty collection as a change, which made a fresh ETag stale at once.
    @OptimisticLock(excluded = true)
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "team_members", joinColumns = @JoinColumn(name = "team_id"))
    @Column(name = "user_id")
    private Set<UUID> memberIds = new HashSet<>();

    protected Team() {}

    Team(UUID tenantId, String name, UUID managerId, Set<UUID> memberIds) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name.trim();
        this.managerId = managerId;
        this.memberIds.addAll(memberIds);
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    /** Marks the entity changed, so its version moves even when only a collection did. */
    private void changed() {
        updatedAt = Instant.now();
    }

    void change(String name, UUID managerId, Set<UUID> memberIds) {
        this.name = name.trim();
        this.managerId = managerId;
        this.memberIds.clear();
        this.memberIds.addAll(memberIds);
        changed();
    }

    Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("managerId", managerId == null ? null : managerId.toString());
        s.put("memberIds", memberIds.stream().map(UUID::toString).sorted().toList());
        return s;
    }

    UUID getId() {
        return id;
    }

    String getName() {
        return name;
    }

    UUID getManagerId() {
        return managerId;
    }

    long getVersion() {
        return version;
    }

    Set<UUID> getMemberIds() {
        return Set.copyOf(memberIds);
    }
}
