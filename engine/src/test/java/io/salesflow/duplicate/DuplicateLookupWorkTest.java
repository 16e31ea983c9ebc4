package io.salesflow.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.identity.Users;
import io.salesflow.platform.database.EmbeddedPostgresServer;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.TableReads;
import io.salesflow.tenancy.Tenants;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A new workspace filling up, as in a new customer's first import: what one new lead's duplicate search reads, and
 * what a change that leaves its search text alone reads, stays the same however many leads are there. The reads are
 * the index entries and rows PostgreSQL counts for the transaction ({@code pg_stat_get_xact_*}), not times. A
 * workspace newer than the planner's statistics is where it went wrong: every index beginning with the workspace
 * looked as cheap as the key's, and the planner walked all the workspace's keys, postings or live leads.
 */
@IntegrationTest
class DuplicateLookupWorkTest {

    private static final Logger log = LoggerFactory.getLogger(DuplicateLookupWorkTest.class);

    @Autowired
    Tenants tenants;

    @Autowired
    Users users;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Duplicates duplicates;

    @Autowired
    EmbeddedPostgresServer database;

    private String slug;
    private UUID owner;

    @BeforeEach
    void newWorkspace() {
        slug = "grow" + DuplicateFixture.unique().substring(0, 8);
        tenants.provision(slug, "Growing " + slug);
        owner = inTenant.call(
                slug, () -> users.ensure("admin@" + slug + ".test", "Admin", Api.DEMO_PASSWORD, List.of("org_admin"))
                        .id());
        // Statistics taken before the workspace has a row, as in an installation a new customer joins (and in CI,
        // where the tables hold every other test's workspaces): they do not know it.
        new JdbcTemplate(database.superuserDataSource()).execute("ANALYZE leads, duplicate_keys, search_postings");
    }

    @Test
    void aNewLeadsDuplicateSearchAndAScoreChangeReadTheirOwnEntriesNotTheWorkspaces() {
        addLeads(1, 4_000);
        UUID lead = subject(2);

        long duplicateSearch = readsOf(() -> duplicates.findForNew("lead", lead));
        long scoreChange = readsOf(() -> rescore(lead));

        log.info(
                "Reads at 4,000 leads in a new workspace: duplicate search {}, score change {}",
                duplicateSearch,
                scoreChange);
        // The workspace has 4,000 leads, about 12,000 duplicate keys and 40,000 search postings. The search reads
        // the new lead's keys and words and at most RECORDS_PER_KEY records for each (32 seen; 8,032 when the
        // planner walked the workspace's live leads); the score change leaves the postings alone (2 seen; 12 when
        // the search trigger looked at the lead's postings).
        assertThat(duplicateSearch).isLessThan(300);
        assertThat(scoreChange).as("a change that leaves the search text alone").isLessThan(20);
        assertThat(inTenant.call(
                        slug,
                        () -> jdbc.queryForObject(
                                "SELECT count(*) FROM duplicate_candidates WHERE record_id = ?", Integer.class, lead)))
                .as("the search still finds the two leads at its company's domain")
                .isGreaterThanOrEqualTo(2);
    }

    /** Leads {@code from}..{@code to}: a name of their own, two to a company and its domain. */
    private void addLeads(int from, int to) {
        inTenant.run(
                slug,
                () -> jdbc.update(
                        "INSERT INTO leads (tenant_id, id, source, owner_id, first_name, last_name, company, email, phone,"
                                + " country) SELECT current_setting('app.tenant_id')::uuid, gen_random_uuid(), 'import', ?,"
                                + " 'First' || g, 'Last' || g, 'Company' || (g / 2), 'lead' || g || '@company' || (g / 2)"
                                + " || '.example', '+49 30 ' || (1000000 + g), 'DE' FROM generate_series(?, ?) AS g",
                        owner,
                        from,
                        to));
    }

    /** A new lead at the company of leads 2n and 2n + 1. */
    private UUID subject(int n) {
        UUID id = UUID.randomUUID();
        inTenant.run(
                slug,
                () -> jdbc.update(
                        "INSERT INTO leads (tenant_id, id, source, owner_id, first_name, last_name, company, email, country)"
                                + " VALUES (current_setting('app.tenant_id')::uuid, ?, 'import', ?, 'New', 'Subject' || ?,"
                                + " 'Company' || ?, 'new' || ? || '@company' || ? || '.example', 'DE')",
                        id,
                        owner,
                        n,
                        n,
                        n,
                        n));
        return id;
    }

    private void rescore(UUID lead) {
        jdbc.update("UPDATE leads SET score = 42, score_band = 'warm' WHERE id = ?", lead);
    }

    /** Index entries and rows of the three tables that {@code work} read, in a transaction of its own. */
    private long readsOf(Runnable work) {
        return inTenant.call(slug, () -> {
            long before = reads();
            work.run();
            return reads() - before;
        });
    }

    private long reads() {
        return TableReads.sum(jdbc, "duplicate_keys", "search_postings", "leads");
    }
}
