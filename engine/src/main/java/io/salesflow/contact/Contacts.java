package io.salesflow.contact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.account.Accounts;
import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.Problem;
import io.salesflow.records.RecordInput;
import io.salesflow.records.RecordLifecycle;
import io.salesflow.records.RecordServiceBase;
import io.salesflow.tenancy.TenantContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contact use cases for the calling user, within their record-level access; the account link, phone numbers
 * and consent time are the contact's own rules, the rest is the shared record lifecycle.
 */
@Service
public class Contacts extends RecordServiceBase<Contact> {

    private final ContactRepository contacts;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Contacts(
            ContactRepository contacts,
            RecordLifecycle records,
            Accounts accounts,
            ApplicationEventPublisher events,
            Clock clock) {
        super(ContactRecord.CONTACT, contacts, records);
        this.contacts = contacts;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UUID add(ObjectNode body) {
        Contact contact = prepared(body);
        UUID created = records.created(ContactRecord.CONTACT, contacts, contact);
        events.publishEvent(new ContactCreated(
                contact.getTenantId(), contact.getId(), contact.getAccountId(), contact.getOwnerId()));
        return created;
    }

    @Override
    @Transactional
    public void checkNew(ObjectNode body) {
        records.checkCreatable(ContactRecord.CONTACT, prepared(body.deepCopy()));
    }

    private Contact prepared(ObjectNode body) {
        Contact contact = new Contact(TenantContext.require(), Caller.require().userId());
        apply(body, contact);
        return contact;
    }

    @Override
    protected Map<String, Object> applyChange(Contact contact, ObjectNode body) {
        Map<String, Object> before = contact.snapshot();
        apply(body, contact);
        return records.changed(ContactRecord.CONTACT, contacts, contact, before);
    }

    private void apply(ObjectNode body, Contact contact) {
        List<Boolean> consentBefore = contact.consent();
        RecordInput.Assignment assignment = new RecordInput.Assignment();
        ContactInput.Links links = ContactInput.apply(body, contact, assignment);
        if (links.accountGiven()) {
            if (links.accountId() != null && !accounts.isLive(links.accountId())) {
                throw Problem.invalid("accountId", "no account " + links.accountId());
            }
            contact.setAccountId(links.accountId());
        }
        if (body.has("phone") || body.has("phones")) {
            contact.setPhones(PhoneNumbers.apply(body, contact.phones(), phoneRegion(links, contact)));
        }
        if (!contact.consent().equals(consentBefore)) {
            contact.consentChangedAt(clock.instant());
        }
        records.assign(ContactRecord.CONTACT, contact, assignment);
    }

    /** Where national numbers belong: the request says, or else the country of the contact's account. */
    private String phoneRegion(ContactInput.Links links, Contact contact) {
        if (links.phoneRegion() != null) {
            return links.phoneRegion();
        }
        if (contact.getAccountId() == null) {
            return null;
        }
        return accounts.billingCountry(contact.getAccountId())
                .filter(PhoneNumbers::knows)
                .orElse(null);
    }
}
