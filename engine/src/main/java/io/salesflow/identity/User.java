package io.salesflow.identity;

import io.salesflow.tenancy.TenantEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.OptimisticLock;

/** A person who signs in to one tenant. Emails are unique per tenant and kept in lower case. */
@Entity
@Table(name = "users")
class User extends TenantEntity {

    @Column(nullable = false)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UserStatus status = UserStatus.ACTIVE;

    @OptimisticLock(excluded = true)
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role_id")
    private Set<UUID> roleIds = new HashSet<>();

    protected User() {}

    User(UUID tenantId, String email, String displayName, String passwordHash) {
        super(tenantId);
        this.email = normalise(email);
        this.displayName = displayName.trim();
        this.passwordHash = passwordHash;
    }

    static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    void rename(String displayName) {
        this.displayName = displayName.trim();
    }

    void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void deactivate() {
        status = UserStatus.DEACTIVATED;
    }

    void activate() {
        status = UserStatus.ACTIVE;
    }

    void assignRoles(Set<UUID> roles) {
        roleIds.clear();
        roleIds.addAll(roles);
        changed();
    }

    /** What the audit log keeps of a user: never the password hash. */
    Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("email", email);
        s.put("displayName", displayName);
        s.put("status", status.name());
        s.put("roleIds", roleIds.stream().map(UUID::toString).sorted().toList());
        return s;
    }

    String getEmail() {
        return email;
    }

    String getDisplayName() {
        return displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    UserStatus getStatus() {
        return status;
    }

    Set<UUID> getRoleIds() {
        return Set.copyOf(roleIds);
    }
}
