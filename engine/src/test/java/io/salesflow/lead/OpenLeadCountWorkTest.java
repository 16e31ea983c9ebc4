package io.salesflow.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.identity.Users;
import io.salesflow.platform.database.EmbeddedPostgresServer;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.TableReads;
import io.salesflow.tenancy.Tenants;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What routing reads to know whether a rep is at the open-lead cap, for every lead it routes: as far as the cap, not
 * the rep's whole book. A rep who has worked for years has thousands of closed leads and may have thousands of open
 * ones; routing a lead to their team must cost the same on the first day and the last. The reads are the index
 * entries and rows PostgreSQL counts for the transaction ({@code pg_stat_get_xact_*}), not times.
 */
@IntegrationTest
class OpenLeadCountWorkTest {

    private static final Logger log = LoggerFactory.getLogger(OpenLeadCountWorkTest.class);
    private static final int OPEN = 2_000;
    private static final int CLOSED = 2_000;

    @Autowired
    Tenants tenants;

    @Autowired
    Users users;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LeadLoad load;

    @Autowired
    EmbeddedPostgresServer database;

    @Test
    void aCappedRepsOpenLeadsAreCountedAsFarAsTheCapAndAnUncappedRepsNotAtAll() {
        String slug = "book" + UUID.randomUUID().toString().substring(0, 8);
        tenants.provision(slug, "Full book " + slug);
        UUID rep = inTenant.call(
                slug, () -> users.ensure("rep@" + slug + ".test", "Rep", Api.DEMO_PASSWORD, List.of("sales_rep"))
                        .id());
        new JdbcTemplate(database.superuserDataSource()).execute("ANALYZE leads");
        // The open leads are the older ones: a walk over the rep's leads newest first meets every closed lead first.
        addLeads(slug, rep, "new", "2 days", OPEN);
        addLeads(slug, rep, "unqualified", "1 day", CLOSED);

        Counted capped = counted(slug, () -> load.openUpToCap(caps(rep, 100), null));
        Counted uncapped = counted(slug, () -> load.openUpToCap(caps(rep, null), null));
        Counted above = counted(slug, () -> load.openUpToCap(caps(rep, 5_000), null));

        log.info(
                "Reads for a rep with {} open and {} closed leads: cap 100 {}, no cap {}, cap 5,000 {}",
                OPEN,
                CLOSED,
                capped.reads(),
                uncapped.reads(),
                above.reads());
        assertThat(capped.counts()).containsEntry(rep, 100);
        assertThat(capped.reads())
                .as("a cap of 100 reads about 100 open leads, not the %d closed ones before them", CLOSED)
                .isLessThan(250);
        assertThat(uncapped.counts()).containsEntry(rep, 0);
        assertThat(uncapped.reads()).as("no cap, nothing to count").isZero();
        assertThat(above.counts()).as("under the cap every open lead counts").containsEntry(rep, OPEN);
        assertThat(above.reads()).isLessThan(2L * OPEN + 150);
    }

    private record Counted(Map<UUID, Integer> counts, long reads) {}

    private static Map<UUID, Integer> caps(UUID rep, Integer cap) {
        Map<UUID, Integer> caps = new HashMap<>();
        caps.put(rep, cap);
        return caps;
    }

    private void addLeads(String slug, UUID owner, String status, String age, int count) {
        inTenant.run(
                slug,
                () -> jdbc.update(
                        "INSERT INTO leads (tenant_id, id, source, owner_id, last_name, status, created_at)"
                                + " SELECT current_setting('app.tenant_id')::uuid, gen_random_uuid(), 'import', ?, 'Lead' || g,"
                                + " ?, now() - ?::interval FROM generate_series(1, ?) AS g",
                        owner,
                        status,
                        age,
                        count));
    }

    /** What {@code work} answered, and the index entries and rows of {@code leads} it read, in a transaction. */
    private Counted counted(String slug, Supplier<Map<UUID, Integer>> work) {
        return inTenant.call(slug, () -> {
            long before = reads();
            Map<UUID, Integer> counts = work.get();
            return new Counted(counts, reads() - before);
        });
    }

    private long reads() {
        return TableReads.sum(jdbc, "leads");
    }
}
