package io.salesflow.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * B5 and B6 at a data size: {@code records} leads and as many contacts are bulk-loaded into {@code acme} with
 * set-based SQL (one {@code INSERT … SELECT generate_series} each, in the workspace's row-level-security context, the
 * search triggers indexing every row as the application's own writes do), then the reads a rep's screens make and
 * global searches are sent at a fixed arrival rate as the workspace's admin: p95 per query.
 */
final class DataScenarios {

    /** Requests per second of each read: a busy rep's screens, far below saturation. */
    static final double RATE = 5;

    private final SalesflowApp app;
    private final DataSource db;
    private final BenchSize size;
    private final Report report;
    private final LoadGenerator load;

    DataScenarios(SalesflowApp app, DataSource db, BenchSize size, Report report) {
        this.app = app;
        this.db = db;
        this.size = size;
        this.report = report;
        this.load = new LoadGenerator(app.http);
    }

    /** Bulk rows loaded so far; each load numbers its rows on from there, so names and addresses stay unique. */
    private int loaded;

    /** Adds leads and contacts to acme until it holds {@code total} of each bulk-loaded; returns the seconds it took. */
    double loadUpTo(int total) {
        int from = loaded + 1;
        int rows = total - loaded;
        if (rows <= 0) {
            return 0;
        }
        long start = System.nanoTime();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT set_config('app.tenant_id', (SELECT id::text FROM tenants WHERE slug = '"
                        + SalesflowApp.TENANT + "'), true)");
            }
            insert(
                    c,
                    """
                    INSERT INTO leads (tenant_id, id, first_name, last_name, company, email, country, source, status,
                                       owner_id)
                    SELECT app_current_tenant(), gen_random_uuid(),
                           (ARRAY['John','Mary','Peter','Anna','Lukas','Sofia','Noah','Emma','Oliver','Mia'])[1 + g % 10],
                           (ARRAY['Smith','Meyer','Kowalski','Garcia','Rossi','Dubois','Novak','Jensen'])[1 + g % 8]
                               || (ARRAY['', 'son', 'er', 'ini', 'ova'])[1 + g % 5],
                           'Company ' || md5(g::text), 'bulk' || g || '@example' || g % 50 || '.com',
                           (ARRAY['US','DE','GB','FR','NL'])[1 + g % 5], 'event',
                           (ARRAY['new','contacted','qualified'])[1 + g % 3],
                           (SELECT id FROM users WHERE email = 'rep@acme.test' AND tenant_id = app_current_tenant())
                    FROM generate_series(?, ?) g
                    """,
                    from,
                    total);
            insert(
                    c,
                    """
                    INSERT INTO contacts (tenant_id, id, first_name, last_name, email, emails, source, owner_id)
                    SELECT app_current_tenant(), gen_random_uuid(),
                           (ARRAY['Liam','Olivia','Ava','Ethan','Lena','Jonas','Chloe','Mateo'])[1 + g % 8],
                           (ARRAY['Schmidt','Brown','Lopez','Bianchi','Martin','Nielsen','Silva'])[1 + g % 7]
                               || (ARRAY['', 'berg', 'ez', 'sen'])[1 + g % 4],
                           e, ARRAY[e], 'import',
                           (SELECT id FROM users WHERE email = 'rep@acme.test' AND tenant_id = app_current_tenant())
                    FROM (SELECT g, 'contact' || g || '@customer' || g % 40 || '.com' AS e
                          FROM generate_series(?, ?) g) numbered
                    """,
                    from,
                    total);
            c.commit();
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("ANALYZE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load " + rows + " leads and contacts", e);
        }
        loaded = total;
        return (System.nanoTime() - start) / 1e9;
    }

    private static void insert(Connection c, String sql, int from, int to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, from);
            ps.setInt(2, to);
            ps.executeUpdate();
        }
    }

    /** B5 and B6 at the data size loaded, figures labelled with it. */
    void readsAndSearch(String label) {
        String auth = "Bearer " + app.signIn(SalesflowApp.ADMIN);
        Map<String, Supplier<String>> searches = new LinkedHashMap<>();
        searches.put("search: typo (jhon smiht)", () -> "/api/v1/search?q=jhon%20smiht");
        searches.put("search: prefix (kowal)", () -> "/api/v1/search?q=kowal");
        searches.put("search: email", () -> "/api/v1/search?q=bulk4711@example11.com");
        searches.put("search: common word (company)", () -> "/api/v1/search?q=company");
        measure("B5", label, reads(), auth);
        report.ratio("B5", "worst p95 at " + label + " (ms)", worst("B5", label), "≤ 50 at 1,000,000");
        measure("B6", label, searches, auth);
        report.ratio("B6", "worst p95 at " + label + " (ms)", worst("B6", label), "≤ 50 at 1,000,000");
    }

    /** B5's reads under {@code scenario} (B10 repeats them at each size); returns the worst p95 (ms). */
    double reads(String scenario, String label) {
        measure(scenario, label, reads(), "Bearer " + app.signIn(SalesflowApp.ADMIN));
        return worst(scenario, label);
    }

    private Map<String, Supplier<String>> reads() {
        List<String> leadIds =
                ids("SELECT id::text FROM leads WHERE tenant_id = (SELECT id FROM tenants WHERE slug = ?)"
                        + " ORDER BY id LIMIT 200");
        Map<String, Supplier<String>> reads = new LinkedHashMap<>();
        reads.put("leads list: status=new, sort -createdAt", () -> "/api/v1/leads?status=new&sort=-createdAt");
        reads.put(
                "leads list: country in, company startsWith, sort lastName",
                () -> "/api/v1/leads?country[in]=DE,FR&company[startsWith]=Company%20a&sort=lastName,firstName");
        reads.put("contacts list: lastName=, sort -updatedAt", () -> "/api/v1/contacts?lastName=Brown&sort=-updatedAt");
        AtomicInteger next = new AtomicInteger();
        Supplier<String> lead = () -> leadIds.get(Math.floorMod(next.getAndIncrement(), leadIds.size()));
        reads.put("lead page: the lead", () -> "/api/v1/leads/" + lead.get() + "?embed=owner,team");
        reads.put("lead page: timeline", () -> "/api/v1/leads/" + lead.get() + "/timeline");
        reads.put("lead page: processes", () -> "/api/v1/leads/" + lead.get() + "/processes");
        return reads;
    }

    private void measure(String scenario, String label, Map<String, Supplier<String>> queries, String auth) {
        queries.forEach((name, path) -> {
            Supplier<HttpRequest> request = () -> HttpRequest.newBuilder(URI.create(app.http.base + path.get()))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", auth)
                    .GET()
                    .build();
            Figure p95 = report.figure(scenario, name + ", p95 at " + label, "ms");
            load.open(request, Set.of(200), RATE, size.warmUp);
            for (int i = 0; i < size.repetitions; i++) {
                LoadGenerator.Outcome o = load.open(request, Set.of(200), RATE, size.run);
                p95.add(new Figure.Run(o.percentileMs(0.95), o.latencies().length, o.seconds()));
                if (o.ok() < o.sent()) {
                    p95.note("notOk", o.statuses());
                }
            }
            p95.note("arrivalRatePerSecond", RATE);
        });
    }

    private double worst(String scenario, String label) {
        return report.figures().stream()
                .filter(f -> f.scenario.equals(scenario) && f.name.endsWith(label))
                .mapToDouble(Figure::median)
                .max()
                .orElse(Double.NaN);
    }

    private List<String> ids(String sql) {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, SalesflowApp.TENANT);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return ids;
    }
}
