package io.salesflow.account;

import io.salesflow.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A company the tenant sells to. Deleting only marks it; it can be restored within the restore window. */
@Entity
@Table(name = "accounts")
class Account extends TenantEntity {

    @Column(nullable = false)
    private String name;

    private String domain;
    private String website;
    private String industry;
    private String size;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "billing_address")
    private Address billingAddress;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "shipping_address")
    private Address shippingAddress;

    @Column(name = "owner_id", nullable = false)
    private UUID ownerId;

    @Column(name = "team_id")
    private UUID teamId;

    private String territory;

    @Column(name = "parent_id")
    private UUID parentId;

    @Column(nullable = false)
    private String[] tags = new String[0];

    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected Account() {}

    Account(UUID tenantId, String name, UUID ownerId) {
        super(tenantId);
        this.name = name;
        this.ownerId = ownerId;
    }

    /** The fields as the API and the field history name them. */
    Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("domain", domain);
        s.put("website", website);
        s.put("industry", industry);
        s.put("size", size);
        s.put("billingAddress", billingAddress);
        s.put("shippingAddress", shippingAddress);
        s.put("ownerId", ownerId);
        s.put("teamId", teamId);
        s.put("territory", territory);
        s.put("parentId", parentId);
        s.put("tags", List.of(tags));
        s.put("deletedAt", deletedAt);
        return s;
    }

    void delete(Instant at) {
        deletedAt = at;
        changed();
    }

    void restore() {
        deletedAt = null;
        changed();
    }

    boolean isDeleted() {
        return deletedAt != null;
    }

    Instant getDeletedAt() {
        return deletedAt;
    }

    UUID getOwnerId() {
        return ownerId;
    }

    UUID getTeamId() {
        return teamId;
    }

    UUID getParentId() {
        return parentId;
    }

    void setName(String name) {
        this.name = name;
    }

    void setDomain(String domain) {
        this.domain = domain;
    }

    void setWebsite(String website) {
        this.website = website;
    }

    void setIndustry(String industry) {
        this.industry = industry;
    }

    void setSize(String size) {
        this.size = size;
    }

    void setBillingAddress(Address address) {
        this.billingAddress = address;
    }

    void setShippingAddress(Address address) {
        this.shippingAddress = address;
    }

    void setOwnerId(UUID ownerId) {
        this.ownerId = ownerId;
    }

    void setTeamId(UUID teamId) {
        this.teamId = teamId;
    }

    void setTerritory(String territory) {
        this.territory = territory;
    }

    void setParentId(UUID parentId) {
        this.parentId = parentId;
    }

    void setTags(List<String> tags) {
        this.tags = tags.stream().map(String::trim).distinct().sorted().toArray(String[]::new);
    }

    List<String> getTags() {
        return Arrays.asList(tags);
    }
}
