package io.salesflow.duplicate;

import io.salesflow.account.AccountCreated;
import io.salesflow.contact.ContactCreated;
import io.salesflow.lead.LeadCreated;
import io.salesflow.records.RecordsPurged;
import io.salesflow.tenancy.TenantScope;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Fills the review queue when a lead, contact or account is created (by hand, API, import or conversion), after
 * the creating transaction committed: durable, so a failed look is made again. Forgets pairs of purged records.
 */
@Component
class NewRecordDuplicates {

    private final Duplicates duplicates;
    private final TenantScope tenantScope;

    NewRecordDuplicates(Duplicates duplicates, TenantScope tenantScope) {
        this.duplicates = duplicates;
        this.tenantScope = tenantScope;
    }

    @ApplicationModuleListener
    void on(LeadCreated event) {
        find(event.tenantId(), RecordKind.LEAD, event.leadId());
    }

    @ApplicationModuleListener
    void on(ContactCreated event) {
        find(event.tenantId(), RecordKind.CONTACT, event.contactId());
    }

    @ApplicationModuleListener
    void on(AccountCreated event) {
        find(event.tenantId(), RecordKind.ACCOUNT, event.accountId());
    }

    @ApplicationModuleListener
    void on(RecordsPurged event) {
        tenantScope.runAs(event.tenantId(), () -> duplicates.forgetPurged(event.recordType(), event.recordIds()));
    }

    private void find(UUID tenant, RecordKind kind, UUID id) {
        tenantScope.runAs(tenant, () -> duplicates.findForNew(kind.type(), id));
    }
}
