package io.salesflow.activity;

import io.salesflow.lead.LeadConverted;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A converted lead's activities and notes follow it: they gain links to the contact, account and deal the
 * conversion made (links they had stay), in the conversion's own transaction, so the contact's timeline
 * starts with the history of the lead it came from.
 */
@Component
class ConvertedLeadActivities {

    private final JdbcTemplate jdbc;

    ConvertedLeadActivities(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void carryOver(LeadConverted converted) {
        for (String table : new String[] {"activities", "notes"}) {
            jdbc.update(
                    "UPDATE " + table
                            + " SET contact_id = coalesce(contact_id, ?), account_id = coalesce(account_id, ?),"
                            + " deal_id = coalesce(deal_id, ?), version = version + 1, updated_at = now()"
                            + " WHERE lead_id = ?",
                    converted.contactId(),
                    converted.accountId(),
                    converted.dealId(),
                    converted.leadId());
        }
    }
}
