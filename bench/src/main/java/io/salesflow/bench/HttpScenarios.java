package io.salesflow.bench;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * B2–B4: Salesflow's public API driven over HTTP by {@link LoadGenerator} from this JVM. B2 creates leads with an
 * API key (every lead is validated, deduplicated, scored, routed, indexed, audited and starts lead nurture); B3
 * completes the first-contact tasks nurture gave the reps, as those reps; B4 sends {@code LeadConverted} to the
 * nurture instances that wait for it, with an API key, as an integration would.
 */
final class HttpScenarios {

    /** Requests in flight while finding saturation; B3 and B4 use B1's four threads. */
    static final int SATURATION_CLIENTS = 8;

    /**
     * B3's and B4's supply is made for this many operations/s, above what the API does today (80 to 90 at size small,
     * where a supply for 40/s still ran B3's runs dry after about 5 of their 10 s).
     */
    static final double SUPPLY_RATE = 100;

    private final SalesflowApp app;
    private final DataSource db;
    private final BenchSize size;
    private final Report report;
    private final LoadGenerator load;
    private final Backlog backlog;

    HttpScenarios(SalesflowApp app, DataSource db, BenchSize size, Report report) {
        this.app = app;
        this.db = db;
        this.size = size;
        this.report = report;
        this.load = new LoadGenerator(app.http);
        this.backlog = new Backlog(db);
    }

    void leadIntake(double bareStraightThrough) {
        Intake intake = intake("B2", "");
        report.ratio(
                "B2",
                "lead intake (until listeners done) / B1 straight-through",
                intake.sustained() / bareStraightThrough,
                "≥ 1.0");
        report.ratio("B2", "p95 at half saturation (ms)", intake.p95(), "≤ 50");
    }

    /** B2's figures: saturation until listeners done and p95 at half of it (medians). */
    record Intake(double sustained, double p95) {}

    /** B2's measurement under {@code scenario}, every figure's name followed by {@code suffix} (B10 names the size). */
    Intake intake(String scenario, String suffix) {
        String auth = "Bearer " + app.apiKey(List.of("leads:write", "leads:read"));
        LeadGenerator leads = new LeadGenerator(17, Long.toString(System.currentTimeMillis() % 100_000, 36));
        Supplier<HttpRequest> next = () -> app.http.postRequest("/api/v1/leads", auth, leads.next());
        Set<Integer> created = Set.of(201);
        Figure saturation = report.figure(scenario, "lead intake at saturation (answers)" + suffix, "/s");
        Figure sustained = report.figure(scenario, "lead intake at saturation, until listeners done" + suffix, "/s");
        Figure p50 = report.figure(scenario, "p50 at half saturation" + suffix, "ms");
        Figure p95 = report.figure(scenario, "p95 at half saturation" + suffix, "ms");
        Figure p99 = report.figure(scenario, "p99 at half saturation" + suffix, "ms");
        Figure achieved = report.figure(scenario, "half saturation: leads created" + suffix, "/s");
        Map<Integer, Long> statuses = new TreeMap<>();

        load.closed(next, created, SATURATION_CLIENTS, size.warmUp);
        drain();
        for (int i = 0; i < size.repetitions; i++) {
            LoadGenerator.Outcome o = load.closed(next, created, SATURATION_CLIENTS, size.run);
            o.statuses().forEach((k, v) -> statuses.merge(k, v, Long::sum));
            saturation.add(new Figure.Run(o.okPerSecond(), o.ok(), o.seconds()));
            double drained = drain();
            double total = o.seconds() + drained;
            sustained.add(new Figure.Run(o.ok() / total, o.ok(), total));
        }
        double half = Math.max(1, sustained.median() / 2);
        for (int i = 0; i < size.repetitions; i++) {
            LoadGenerator.Outcome o = load.open(next, created, half, size.run);
            o.statuses().forEach((k, v) -> statuses.merge(k, v, Long::sum));
            p50.add(new Figure.Run(o.percentileMs(0.50), o.latencies().length, o.seconds()));
            p95.add(new Figure.Run(o.percentileMs(0.95), o.latencies().length, o.seconds()));
            p99.add(new Figure.Run(o.percentileMs(0.99), o.latencies().length, o.seconds()));
            achieved.add(new Figure.Run(o.okPerSecond(), o.ok(), o.seconds()));
            drain();
        }
        p50.note("arrivalRatePerSecond", half);
        saturation.note("clients", SATURATION_CLIENTS).note("statuses", statuses);
        return new Intake(sustained.median(), p95.median());
    }

    void taskCompletion(double bareCompletions) {
        String openTasks = "SELECT t.id_, u.email FROM act_ru_task t JOIN users u ON u.id::text = t.assignee_"
                + " WHERE t.tenant_id_ = ? AND t.task_def_key_ IN ('UserTask_FirstContact', 'UserTask_Touch')"
                + " ORDER BY t.id_";
        int topUp = topUp(openTasks, 2, "tasks");
        Queue<String[]> tasks = new ConcurrentLinkedQueue<>(query(openTasks, 2));
        Figure completions = report.figure("B3", "task completions via /api/v1/tasks", "/s");
        // The reps sign in before the clock starts, as they would have in the morning.
        Map<String, String> tokens = new ConcurrentHashMap<>();
        tasks.forEach(t -> tokens.computeIfAbsent(t[1], app::signIn));
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        Workers.Operation complete = () -> {
            String[] task = tasks.poll();
            if (task == null) {
                return false;
            }
            String token = tokens.get(task[1]);
            Http.Response r = app.http.send(app.http.postRequest(
                    "/api/v1/tasks/" + task[0] + "/complete",
                    "Bearer " + token,
                    Map.of("variables", Map.of("outcome", "no_answer"))));
            statuses.merge(r.status(), 1L, Long::sum);
            return true;
        };
        int available = tasks.size();
        // First-contact and touch tasks (hot and warm leads; both forms take outcome no_answer) of B2's leads and the
        // demo's: a tenth warms up, the rest is shared by the runs.
        int warmUp = available / 10;
        Workers.loop(BareEngine.THREADS, size.warmUp, () -> tasks.size() > available - warmUp && complete.run());
        int perRun = tasks.size() / size.repetitions;
        for (int i = 0; i < size.repetitions; i++) {
            int stopAt = tasks.size() - perRun;
            completions.add(Workers.loop(BareEngine.THREADS, size.run, () -> tasks.size() > stopAt && complete.run()));
        }
        completions
                .note("openTasks", available)
                .note("leadsCreatedForTasks", topUp)
                .note("reps", tokens.size())
                .note("statuses", new TreeMap<>(statuses));
        report.ratio(
                "B3", "API task completion / B1 TaskService.complete", completions.median() / bareCompletions, "≥ 0.8");
    }

    void correlation(double bareCorrelations) {
        String auth = "Bearer " + app.apiKey(List.of("process:operate"));
        String waitingInstances = "SELECT DISTINCT e.business_key_ FROM act_ru_event_subscr s JOIN act_ru_execution e"
                + " ON e.id_ = s.proc_inst_id_ WHERE s.tenant_id_ = ? AND s.event_name_ = 'LeadConverted'"
                + " AND e.business_key_ LIKE 'lead:%' ORDER BY 1";
        int topUp = topUp(waitingInstances, 1, "waiting instances");
        drain();
        Queue<String[]> waiting = new ConcurrentLinkedQueue<>(query(waitingInstances, 1));
        Figure delivered = report.figure("B4", "correlations via /api/v1/messages", "/s");
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        Workers.Operation send = () -> {
            String[] key = waiting.poll();
            if (key == null) {
                return false;
            }
            Http.Response r = app.http.send(app.http.postRequest(
                    "/api/v1/messages",
                    auth,
                    Map.of("messageName", "LeadConverted", "businessKey", key[0]),
                    "bench-" + key[0]));
            statuses.merge(r.status(), 1L, Long::sum);
            return true;
        };
        int available = waiting.size();
        int warmUp = available / 10;
        Workers.loop(BareEngine.THREADS, size.warmUp, () -> waiting.size() > available - warmUp && send.run());
        int perRun = waiting.size() / size.repetitions;
        for (int i = 0; i < size.repetitions; i++) {
            int stopAt = waiting.size() - perRun;
            delivered.add(Workers.loop(BareEngine.THREADS, size.run, () -> waiting.size() > stopAt && send.run()));
        }
        delivered
                .note("waitingInstances", available)
                .note("leadsCreatedForInstances", topUp)
                .note("statuses", new TreeMap<>(statuses));
        report.ratio("B4", "API correlation / B1 correlation", delivered.median() / bareCorrelations, "≥ 0.8");
    }

    /**
     * Creates generated leads through the API (not timed) until {@code sql} finds enough of what B3 or B4 works
     * through for their warm-up and every run at {@link #SUPPLY_RATE} operations/s, so that the runs last their length
     * instead of running dry (at size small, B3 found 57 to 207 open tasks: its runs lasted one or two seconds, and
     * the first, slow requests weighed on each). Answers the leads created.
     */
    private int topUp(String sql, int columns, String what) {
        double seconds = (size.warmUp.toMillis() + size.repetitions * size.run.toMillis()) / 1000.0;
        int wanted = (int) Math.ceil(SUPPLY_RATE * seconds);
        String auth = "Bearer " + app.apiKey(List.of("leads:write", "leads:read"));
        LeadGenerator leads = new LeadGenerator(29, "s" + Long.toString(System.currentTimeMillis() % 100_000, 36));
        int created = 0;
        for (int have = query(sql, columns).size();
                have < wanted;
                have = query(sql, columns).size()) {
            if (created > 20 * wanted) {
                throw new IllegalStateException("Created " + created + " leads and still have only " + have + " " + what
                        + " of the " + wanted + " wanted");
            }
            AtomicInteger left = new AtomicInteger(Math.max(20, 2 * (wanted - have)));
            created += left.get();
            Workers.loop(BareEngine.THREADS, Duration.ofMinutes(30), () -> {
                if (left.getAndDecrement() <= 0) {
                    return false;
                }
                Http.Response r = app.http.send(app.http.postRequest("/api/v1/leads", auth, leads.next()));
                if (r.status() != 201) {
                    throw new IllegalStateException("Creating a lead for the supply answered " + r.status());
                }
                return true;
            });
            drain();
        }
        return created;
    }

    /** Waits until the listeners and jobs the requests left behind are done; returns the seconds waited. */
    private double drain() {
        return backlog.drain();
    }

    /** The leads acme holds now (bulk-loaded, the demo's and those the benchmark created). */
    long leadsInWorkspace() {
        return count("SELECT count(*) FROM leads WHERE tenant_id = (SELECT id FROM tenants WHERE slug = '"
                + SalesflowApp.TENANT + "')");
    }

    private long count(String sql) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private List<String[]> query(String sql, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, SalesflowApp.TENANT);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] row = new String[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    rows.add(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return rows;
    }
}
