package io.salesflow.records;

import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Global search over many leads: inserts 100,000 generated leads into acme (change with
 * {@code -Dsearch.benchmark.rows=N}; the search postings triggers index them), then times typical queries
 * through the API as the org admin, best of five runs each. A measurement, not a test: run it with
 * {@code ../mvnw -B -ntp -Pbenchmark test -Dtest=SearchBenchmark} (docs/operations.md, "Benchmarks").
 */
@Tag("benchmark")
@IntegrationTest
class SearchBenchmark {

    private static final int ROWS = Integer.getInteger("search.benchmark.rows", 100_000);

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @FlywayDataSource
    DataSource owner;

    @Autowired
    Api api;

    @Test
    void searchesManyLeads() {
        long started = System.nanoTime();
        inTenant.run(
                "acme",
                () -> jdbc.update(
                        """
                INSERT INTO leads (tenant_id, id, first_name, last_name, company, email, source, status, owner_id)
                SELECT app_current_tenant(), gen_random_uuid(),
                       (ARRAY['John','Mary','Peter','Anna','Lukas','Sofia','Noah','Emma','Oliver','Mia'])[1 + g % 10],
                       (ARRAY['Smith','Meyer','Kowalski','Garcia','Rossi','Dubois','Novak','Jensen'])[1 + g % 8]
                           || (ARRAY['', 'son', 'er', 'ini', 'ova'])[1 + g % 5],
                       'Company ' || md5(g::text), 'lead' || g || '@example' || g % 50 || '.com', 'event', 'new',
                       (SELECT id FROM users WHERE email = 'admin@acme.test')
                FROM generate_series(1, ?) g
                """,
                        ROWS));
        System.out.printf(
                "BENCHMARK search: inserted and indexed %d leads in %.1f s%n",
                ROWS, (System.nanoTime() - started) / 1e9);
        new JdbcTemplate(owner).execute("ANALYZE leads; ANALYZE search_words; ANALYZE search_postings");
        for (String q : List.of("jhon smiht", "kowalsky", "sofia garcia", "lead4711@example11.com", "company")) {
            long[] ms = new long[5];
            int hits = 0;
            for (int i = 0; i < ms.length; i++) {
                long t0 = System.nanoTime();
                hits = api.as("acme", "admin@acme.test", "GET", "/api/v1/search?q=" + q.replace(" ", "%20"))
                        .send()
                        .expect(200)
                        .json()
                        .get("items")
                        .size();
                ms[i] = (System.nanoTime() - t0) / 1_000_000;
            }
            Arrays.sort(ms);
            System.out.printf(
                    "BENCHMARK search: \"%s\" over %d leads: %d hits, best %d ms, median %d ms%n",
                    q, ROWS, hits, ms[0], ms[2]);
        }
    }
}
