package io.salesflow.demo;

import io.salesflow.duplicate.Duplicates;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A few records entered twice, the way every real CRM has them, so that the duplicates review queue and the merge
 * have something to show: leads that came back through another channel with a tagged email address, contacts
 * added again with a private address but the same phone number, and an account under its legal name.
 */
@Component
class DemoDuplicates {

    private final JdbcTemplate jdbc;
    private final Duplicates duplicates;

    DemoDuplicates(JdbcTemplate jdbc, Duplicates duplicates) {
        this.jdbc = jdbc;
        this.duplicates = duplicates;
    }

    /** Adds the copies (once) and queues the pairs they make; run in the tenant after {@link DemoRecords}, in a
     * transaction because that is where the tenant reaches the row-level security policies. */
    @Transactional
    void load(String slug, int... originals) {
        for (int n : originals) {
            UUID lead = DemoRecords.id(slug, "lead-again", n);
            int leadAdded = jdbc.update(
                    """
                    INSERT INTO leads (tenant_id, id, first_name, last_name, company, title, email, source, status,
                                       country, company_size, owner_id, created_at, updated_at, status_changed_at)
                    SELECT tenant_id, ?, first_name, last_name, company, title,
                           split_part(email, '@', 1) || '+webinar@' || split_part(email, '@', 2), 'event', 'new',
                           country, company_size, owner_id, now(), now(), now()
                    FROM leads WHERE id = ?
                    ON CONFLICT DO NOTHING
                    """,
                    lead,
                    DemoRecords.id(slug, "lead", n));
            queue(leadAdded, "lead", lead);

            UUID contact = DemoRecords.id(slug, "contact-again", n);
            int contactAdded = jdbc.update(
                    """
                    INSERT INTO contacts (tenant_id, id, first_name, last_name, title, email, emails, phone, phones,
                                          status, source, owner_id, created_at, updated_at)
                    SELECT tenant_id, ?, first_name, last_name, title, e, ARRAY[e], phone, phones, 'active', 'event',
                           owner_id, now(), now()
                    FROM contacts, lower(split_part(email, '@', 1) || '@gmail.com') AS e
                    WHERE id = ?
                    ON CONFLICT DO NOTHING
                    """,
                    contact,
                    DemoRecords.id(slug, "contact", n));
            queue(contactAdded, "contact", contact);
        }
        UUID account = DemoRecords.id(slug, "account-again", 0);
        int accountAdded = jdbc.update(
                """
                INSERT INTO accounts (tenant_id, id, name, website, industry, size, owner_id, created_at, updated_at)
                SELECT tenant_id, ?, name || ' Inc.', 'https://www.' || domain, industry, size, owner_id, now(), now()
                FROM accounts WHERE id = ?
                ON CONFLICT DO NOTHING
                """,
                account,
                DemoRecords.id(slug, "account", 0));
        queue(accountAdded, "account", account);
    }

    /** Looks for the copy's duplicates when it was just added: loading again leaves dismissed pairs dismissed. */
    private void queue(int added, String type, UUID id) {
        if (added == 1) {
            duplicates.findForNew(type, id);
        }
    }
}
