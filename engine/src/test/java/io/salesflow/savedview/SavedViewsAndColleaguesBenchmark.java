package io.salesflow.savedview;

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
 * Colleague lookup and saved-view lists in a big workspace: inserts 200,000 users into acme (a quarter deactivated;
 * change with {@code -Dviews.benchmark.rows=N}) each with a saved lead view, a third of them shared with the whole
 * workspace, then times the lookups through the API as a rep, best of five, and prints the plans. A measurement,
 * not a test: {@code ../mvnw -B -ntp -Pbenchmark test -Dtest=SavedViewsAndColleaguesBenchmark}.
 */
@Tag("benchmark")
@IntegrationTest
class SavedViewsAndColleaguesBenchmark {

    private static final int ROWS = Integer.getInteger("views.benchmark.rows", 200_000);

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
    void looksUpColleaguesAndListsViewsInABigWorkspace() {
        long started = System.nanoTime();
        inTenant.run("acme", () -> {
            jdbc.update(
                    """
                    INSERT INTO users (tenant_id, id, email, display_name, status)
                    SELECT app_current_tenant(), gen_random_uuid(), 'bench' || g || '@acme.test',
                           (ARRAY['Mara','Marek','Ines','Jonas','Lea','Paul','Zoe','Tim'])[1 + g % 8] || ' '
                               || md5(g::text),
                           CASE WHEN g % 4 = 0 THEN 'DEACTIVATED' ELSE 'ACTIVE' END
                    FROM generate_series(1, ?) g
                    """,
                    ROWS);
            jdbc.update(
                    """
                    INSERT INTO saved_views (id, owner_id, record_type, name, state, visibility)
                    SELECT gen_random_uuid(), u.id, 'lead', 'View ' || md5(u.id::text), '{"filters":[],"sort":[],"columns":[]}',
                           (ARRAY['private', 'team', 'workspace'])[1 + abs(hashtext(u.id::text)) % 3]
                    FROM users u WHERE u.email LIKE 'bench%'
                    """);
        });
        System.out.printf(
                "BENCHMARK views: inserted %d users and views in %.1f s%n", ROWS, (System.nanoTime() - started) / 1e9);
        new JdbcTemplate(owner).execute("ANALYZE users; ANALYZE saved_views; ANALYZE team_members");

        for (String path : List.of(
                "/api/v1/colleagues?q=ma&limit=20",
                "/api/v1/colleagues?q=zoe+ff&limit=20",
                "/api/v1/colleagues?limit=50",
                "/api/v1/saved-views?recordType=lead&limit=100")) {
            long[] ms = new long[5];
            int size = 0;
            for (int i = 0; i < ms.length; i++) {
                long t0 = System.nanoTime();
                var body = api.as("acme", "rep@acme.test", "GET", path)
                        .send()
                        .expect(200)
                        .json();
                size = body.has("items") ? body.get("items").size() : body.size();
                ms[i] = (System.nanoTime() - t0) / 1_000_000;
            }
            Arrays.sort(ms);
            System.out.printf(
                    "BENCHMARK views: %s with %d users: %d items, best %d ms, median %d ms%n",
                    path, ROWS, size, ms[0], ms[2]);
        }
        inTenant.run("acme", () -> {
            plan(
                    """
                    EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT u.id FROM users u WHERE u.status = 'ACTIVE'
                      AND u.name_key >= 'ma' AND u.name_key < 'ma\uDBFF\uDFFF'
                    ORDER BY u.name_key, u.id LIMIT 20
                    """);
            plan(
                    """
                    EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT v.id FROM saved_views v WHERE v.record_type = 'lead'
                      AND v.visibility = 'workspace' AND v.owner_id <> gen_random_uuid()
                    ORDER BY lower(v.name), v.id LIMIT 101
                    """);
        });
    }

    private void plan(String explain) {
        System.out.println("BENCHMARK views plan:");
        jdbc.queryForList(explain, String.class).forEach(line -> System.out.println("  " + line));
    }
}
