package io.salesflow.account;

import io.salesflow.records.CustomizableRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A company the tenant sells to, possibly part of a group of accounts (the parent hierarchy). */
@Entity
@Table(name = "accounts")
class Account extends CustomizableRecord {

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

    private String territory;

    @Column(name = "parent_id")
    private UUID parentId;

    protected Account() {}

    Account(UUID tenantId, UUID ownerId) {
        super(tenantId, ownerId);
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("domain", domain);
        s.put("website", website);
        s.put("industry", industry);
        s.put("size", size);
        s.put("billingAddress", billingAddress);
        s.put("shippingAddress", shippingAddress);
        s.put("territory", territory);
        s.put("parentId", parentId);
        return withCommonFields(s);
    }

    Address getBillingAddress() {
        return billingAddress;
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

    void setTerritory(String territory) {
        this.territory = territory;
    }

    void setParentId(UUID parentId) {
        this.parentId = parentId;
    }
}
