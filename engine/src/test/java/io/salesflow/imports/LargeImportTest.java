package io.salesflow.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.identity.Teams;
import io.salesflow.identity.Users;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.Multipart;
import io.salesflow.tenancy.Tenants;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A new user's large import: 20,000 leads through the API and the real background job, with the application's
 * connection pool (20; the test profile keeps it) and listener executor, while two more imports and API traffic run:
 * every row arrives once, and every after-commit listener the leads set off (duplicate detection, tasks for leads
 * routing could not place, the probe) completes. Then 5,000 leads imported alone, the same way. Logs the rate, rows
 * per second between the job's start and finish, and how long the traffic's lead creates took beside the imports: a
 * rep's, and a web form's that routing gives to the team the imports fill ({@code LARGE IMPORT} lines); tests never
 * assert times. Tagged {@code large}: they take minutes: {@code -Dsurefire.excludedGroups=benchmark,large} leaves them
 * out of a quick run, and {@code -Dlarge.import.rows=N} and {@code -Dlarge.import.alone.rows=N} make them smaller.
 */
@Tag("large")
@IntegrationTest
class LargeImportTest {

    private static final Logger log = LoggerFactory.getLogger(LargeImportTest.class);
    private static final int ROWS = Integer.getInteger("large.import.rows", 20_000);
    private static final int MORE_ROWS = ROWS / 10;
    /**
     * Rows of the import alone: enough for its steady rate; that every row arrives once and every listener completes
     * is shown on the {@link #ROWS} beside traffic, which is harder.
     */
    private static final int ALONE_ROWS = Integer.getInteger("large.import.alone.rows", 5_000);

    private static final Duration PATIENCE = Duration.ofMinutes(45);
    private static final Set<String> FINISHED = Set.of("completed", "failed", "cancelled");
    private static final AtomicInteger PHONES = new AtomicInteger(1_000_000);

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Tenants tenants;

    @Autowired
    Users users;

    @Autowired
    Teams teams;

    private String slug;

    /**
     * A workspace of its own, so that tens of thousands of leads and full routing caps meet no other test. Routing
     * as the demo has it: German leads go to a team whose one rep takes 100 a day; the rest wait unassigned, each
     * becoming a task through the after-commit listener that starved in the incident.
     */
    @BeforeEach
    void workspace() {
        slug = "bulk" + UUID.randomUUID().toString().substring(0, 8);
        tenants.provision(slug, "Bulk " + slug);
        UUID[] teamAndRep = inTenant.call(slug, () -> {
            users.ensure(email("admin"), "Admin", Api.DEMO_PASSWORD, List.of("org_admin"));
            UUID manager = users.ensure(email("manager"), "Manager", Api.DEMO_PASSWORD, List.of("manager"))
                    .id();
            UUID rep = users.ensure(email("rep"), "Rep", Api.DEMO_PASSWORD, List.of("sales_rep"))
                    .id();
            return new UUID[] {
                teams.create(new Teams.TeamDefinition("Inside", manager, List.of(rep)))
                        .id(),
                rep
            };
        });
        Map<String, Object> rule = Map.of(
                "name",
                "Germany",
                "team",
                teamAndRep[0].toString(),
                "priority",
                10,
                "conditions",
                List.of(Map.of("field", "COUNTRY", "operator", "IN", "values", List.of("DE"))));
        // What is measured here is the import and routing; 40,000 nurture starts would only keep the machine busy
        // for the tests after it (their cost is NurtureIntakeBenchmark's figure).
        as("admin", "PUT", "/api/v1/process-triggers/lead.created")
                .json(Map.of("enabled", false))
                .send()
                .expect(200);
        String ruleSet = as("admin", "POST", "/api/v1/routing/rule-sets")
                .json(Map.of("rules", List.of(rule)))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        as("admin", "POST", "/api/v1/routing/rule-sets/" + ruleSet + "/activate")
                .send()
                .expect(200);
        Map<String, Object> member = new HashMap<>();
        member.put("userId", teamAndRep[1].toString());
        member.put("weight", 1);
        member.put("dailyCap", 100);
        member.put("openCap", null);
        member.put("active", true);
        as("admin", "PUT", "/api/v1/teams/" + teamAndRep[0] + "/routing-members")
                .json(Map.of("members", List.of(member)))
                .send()
                .expect(200);
    }

    private String email(String user) {
        return user + "@" + slug + ".test";
    }

    private Api.Call as(String user, String method, String path) {
        return api.as(slug, email(user), method, path);
    }

    @Test
    void leadsImportedAloneArriveOnceAndEveryListenerCompletes() {
        Instant since = databaseNow();
        String run = ImportApiTest.marker();

        JsonNode job = finished(start(run, ALONE_ROWS));

        report("alone", job);
        assertEveryRowOnce(job, run, ALONE_ROWS);
        awaitNoIncompletePublicationsSince(since, job);
    }

    @Test
    void twentyThousandLeadsArriveOnceWhileTwoMoreImportsAndApiTrafficRun() throws InterruptedException {
        Instant since = databaseNow();
        String run = ImportApiTest.marker();
        String second = ImportApiTest.marker();
        String third = ImportApiTest.marker();
        api.token(slug, email("admin"));
        api.token(slug, email("rep"));
        String formKey = as("admin", "POST", "/api/v1/api-keys")
                .json(Map.of("name", "Web form", "scopes", List.of("leads:write")))
                .send()
                .expect(201)
                .json()
                .get("key")
                .asText();
        Traffic traffic = new Traffic(formKey);
        ScheduledExecutorService client = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "api-traffic"));

        String main = start(run, ROWS);
        String more = start(second, MORE_ROWS);
        String evenMore = start(third, MORE_ROWS);
        // A round of requests every two seconds (later when a round takes longer): people working alongside the
        // import. The same load whether their requests wait or not, so a change that shortens the waits is not
        // charged with the extra rounds a closed loop would then send.
        client.scheduleAtFixedRate(traffic, 0, 2, TimeUnit.SECONDS);
        JsonNode job;
        try {
            job = finished(main);
            finished(more);
            finished(evenMore);
        } finally {
            client.shutdown();
            assertThat(client.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }

        report("with two more imports and API traffic", job);
        assertEveryRowOnce(job, run, ROWS);
        assertEveryRowOnce(finished(more), second, MORE_ROWS);
        assertEveryRowOnce(finished(evenMore), third, MORE_ROWS);
        log.info(
                "LARGE IMPORT API traffic meanwhile: {} requests; a rep's lead create took {}; a web form's lead for the"
                        + " importing team took {}",
                traffic.requests.get(),
                spread(traffic.createMillis),
                spread(traffic.formMillis));
        assertThat(traffic.requests.get()).isPositive();
        assertThat(traffic.failures).isEmpty();
        awaitNoIncompletePublicationsSince(since, job);
    }

    private static String spread(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return String.format(
                Locale.ROOT,
                "%d ms at the median, %d ms at p95, %d ms at most",
                sorted.get(sorted.size() / 2),
                sorted.get(sorted.size() * 95 / 100),
                sorted.get(sorted.size() - 1));
    }

    /**
     * One round of a sales rep's work (creates, reads and lists leads) and a lead from a web form's API key, which
     * routing gives to the team the imports fill.
     */
    private final class Traffic implements Runnable {
        final String formKey;
        final AtomicInteger rounds = new AtomicInteger();
        final AtomicInteger requests = new AtomicInteger();
        final List<String> failures = new CopyOnWriteArrayList<>();
        /** How long each lead create took, in milliseconds: logged, never asserted. */
        final List<Long> createMillis = new CopyOnWriteArrayList<>();

        final List<Long> formMillis = new CopyOnWriteArrayList<>();

        Traffic(String formKey) {
            this.formKey = formKey;
        }

        /** An exception would end the schedule without a word, so it becomes a failure the test reports. */
        @Override
        public void run() {
            try {
                round(rounds.getAndIncrement());
            } catch (RuntimeException e) {
                failures.add("round failed: " + e);
            }
        }

        private void round(int i) {
            long began = System.nanoTime();
            Api.Response created = as("rep", "POST", "/api/v1/leads")
                    .json(Map.of("lastName", "Traffic " + i, "company", "Walk-in " + i, "source", "api"))
                    .send();
            createMillis.add(Duration.ofNanos(System.nanoTime() - began).toMillis());
            check("create", created, 201);
            if (created.status() == 201) {
                String id = created.json().get("id").asText();
                check("read", as("rep", "GET", "/api/v1/leads/" + id).send(), 200);
            }
            check("list", as("rep", "GET", "/api/v1/leads?limit=20").send(), 200);
            long sent = System.nanoTime();
            Api.Response form = api.post("/api/v1/leads")
                    .bearer(formKey)
                    .json(Map.of(
                            "lastName", "Form " + i, "company", "Inbound " + i, "country", "DE", "source", "web_form"))
                    .send();
            formMillis.add(Duration.ofNanos(System.nanoTime() - sent).toMillis());
            check("web form create", form, 201);
        }

        void check(String what, Api.Response response, int expected) {
            requests.incrementAndGet();
            if (response.status() != expected) {
                failures.add(what + ": HTTP " + response.status() + " " + response.body());
            }
        }
    }

    private String start(String run, int rows) {
        Multipart form =
                new Multipart().field("recordType", "leads").file("file", run + ".csv", "text/csv", csv(run, rows));
        return as("admin", "POST", "/api/v1/imports")
                .multipart(form)
                .send()
                .expect(202)
                .json()
                .get("id")
                .asText();
    }

    private JsonNode finished(String id) {
        return await("import " + id + " finished")
                .atMost(PATIENCE)
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> as("admin", "GET", "/api/v1/imports/" + id)
                                .send()
                                .expect(200)
                                .json(),
                        job -> FINISHED.contains(job.get("status").asText()));
    }

    private void assertEveryRowOnce(JsonNode job, String run, int rows) {
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("completed");
        assertThat(job.get("processedRows").asInt()).isEqualTo(rows);
        assertThat(job.get("imported").asInt()).isEqualTo(rows);
        assertThat(job.get("failed").asInt()).isZero();
        Map<String, Object> stored = inTenant.call(
                slug,
                () -> jdbc.queryForMap(
                        "SELECT count(*) AS leads, count(DISTINCT email) AS emails FROM leads WHERE email LIKE ?",
                        "%@" + run + "-%"));
        assertThat(stored).containsEntry("leads", (long) rows).containsEntry("emails", (long) rows);
    }

    /**
     * Every publication since the test began completes: the listeners kept up, waiting for room rather than
     * failing on the pool, or failed now and then and were run again.
     */
    private void awaitNoIncompletePublicationsSince(Instant since, JsonNode job) {
        await("every listener completed")
                .atMost(PATIENCE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> count("completion_date IS NULL", since) == 0);
        Instant finished = Instant.parse(job.get("finishedAt").asText());
        log.info(
                "LARGE IMPORT publications since the start: {}, all complete {} s after the import finished",
                count("true", since),
                Duration.between(finished, Instant.now()).toSeconds());
    }

    private long count(String condition, Instant since) {
        Long count = jdbc.queryForObject(
                "SELECT count(*) FROM event_publication WHERE publication_date >= ? AND " + condition,
                Long.class,
                Timestamp.from(since));
        return count == null ? 0 : count;
    }

    private Instant databaseNow() {
        return jdbc.queryForObject("SELECT now()", Timestamp.class).toInstant();
    }

    private static void report(String label, JsonNode job) {
        Duration took = Duration.between(
                Instant.parse(job.get("startedAt").asText()),
                Instant.parse(job.get("finishedAt").asText()));
        log.info(String.format(
                Locale.ROOT,
                "LARGE IMPORT %s: %,d leads in %.1f s = %,.0f rows/s",
                label,
                job.get("imported").asInt(),
                took.toMillis() / 1000.0,
                job.get("imported").asInt() / (took.toMillis() / 1000.0)));
    }

    /**
     * Leads as a real list has them: first names and companies that repeat a little (about 10 leads share a first
     * name, 2 a company and its domain, so duplicate detection finds some pairs), an email each of its own.
     */
    private static byte[] csv(String run, int rows) {
        int phones = PHONES.getAndAdd(rows);
        String[] syllables = {
            "an", "be", "ca", "do", "el", "fi", "ga", "ho", "in", "jo", "ka", "li", "ma", "no", "ol", "pe", "ri", "sa",
            "to", "ul"
        };
        StringBuilder csv = new StringBuilder("First Name,Last Name,Email,Company,Title,Phone,Country\n");
        for (int i = 0; i < rows; i++) {
            int company = i % (rows / 2);
            String first = syllables[i % 20] + syllables[(i / 20) % 20] + syllables[(i / 400) % 5];
            csv.append(Character.toUpperCase(first.charAt(0)))
                    .append(first.substring(1))
                    .append(",Lead")
                    .append(i)
                    .append(",lead")
                    .append(i)
                    .append('@')
                    .append(run)
                    .append("-co")
                    .append(company)
                    .append(".example,Nordwind")
                    .append(company)
                    .append(',')
                    .append(i % 3 == 0 ? "CTO" : "Head of Sales")
                    .append(",+49 30 ")
                    .append(phones + i)
                    .append(',')
                    .append(i % 2 == 0 ? "DE" : "US")
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
