package io.salesflow.activity;

import io.salesflow.account.Accounts;
import io.salesflow.contact.Contacts;
import io.salesflow.deal.Deals;
import io.salesflow.lead.Leads;
import io.salesflow.platform.problem.Problem;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Checks where activities and notes point: a new link must name a live record the caller may read, so a link
 * never reveals a record they cannot see. Links a change leaves as they were are not checked again.
 */
@Component
class LinkTargets {

    private final Accounts accounts;
    private final Contacts contacts;
    private final Leads leads;
    private final Deals deals;

    LinkTargets(Accounts accounts, Contacts contacts, Leads leads, Deals deals) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.leads = leads;
        this.deals = deals;
    }

    /** Sets the links a body asked for (null clears one) after checking each new target. */
    void apply(Map<Link, UUID> requested, LinkedRecord record) {
        requested.forEach((link, id) -> {
            if (id != null && !Objects.equals(id, record.link(link)) && !isLive(link, id)) {
                throw Problem.invalid(link.field(), "no " + link.recordType() + " " + id);
            }
            record.link(link, id);
        });
    }

    private boolean isLive(Link link, UUID id) {
        return switch (link) {
            case ACCOUNT -> accounts.isLive(id);
            case CONTACT -> contacts.isLive(id);
            case LEAD -> leads.isLive(id);
            case DEAL -> deals.isLive(id);
        };
    }
}
