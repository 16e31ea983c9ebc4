package io.salesflow.activity;

import io.salesflow.records.CrmRecord;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.util.Map;
import java.util.UUID;

/** A record of this module kept about accounts, contacts, leads and deals: activities and notes. */
@MappedSuperclass
abstract class LinkedRecord extends CrmRecord {

    @Column(name = "account_id")
    private UUID accountId;

    @Column(name = "contact_id")
    private UUID contactId;

    @Column(name = "lead_id")
    private UUID leadId;

    @Column(name = "deal_id")
    private UUID dealId;

    protected LinkedRecord() {}

    protected LinkedRecord(UUID tenantId, UUID ownerId) {
        super(tenantId, ownerId);
    }

    UUID link(Link link) {
        return switch (link) {
            case ACCOUNT -> accountId;
            case CONTACT -> contactId;
            case LEAD -> leadId;
            case DEAL -> dealId;
        };
    }

    void link(Link link, UUID id) {
        switch (link) {
            case ACCOUNT -> accountId = id;
            case CONTACT -> contactId = id;
            case LEAD -> leadId = id;
            case DEAL -> dealId = id;
        }
    }

    boolean hasLinks() {
        for (Link link : Link.values()) {
            if (link(link) != null) {
                return true;
            }
        }
        return false;
    }

    /** Adds the links to a snapshot under their field names. */
    void putLinks(Map<String, Object> snapshot) {
        for (Link link : Link.values()) {
            snapshot.put(link.field(), link(link));
        }
    }
}
