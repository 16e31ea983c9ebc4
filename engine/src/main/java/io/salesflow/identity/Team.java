package io.salesflow.identity;

import io.salesflow.tenancy.TenantEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.OptimisticLock;

/** A sales team with a manager and members; record access by team scope follows membership. */
@Entity
@Table(name = "teams")
class Team extends TenantEntity {

    @Column(nullable = false)
    private String name;

    @Column(name = "manager_id")
    private UUID managerId;

    @OptimisticLock(excluded = true)
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "team_members", joinColumns = @JoinColumn(name = "team_id"))
    @Column(name = "user_id")
    private Set<UUID> memberIds = new HashSet<>();

    protected Team() {}

    Team(UUID tenantId, String name, UUID managerId, Set<UUID> memberIds) {
        super(tenantId);
        this.name = name.trim();
        this.managerId = managerId;
        this.memberIds.addAll(memberIds);
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

    String getName() {
        return name;
    }

    UUID getManagerId() {
        return managerId;
    }

    Set<UUID> getMemberIds() {
        return Set.copyOf(memberIds);
    }
}
