package io.salesflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * B7: contacts imported from a CSV file through the import API as the workspace's admin, the calls the web app's
 * import dialog makes (one multipart upload with the record type and duplicate policy, then the job polled). A run
 * lasts from the upload until the job has finished and the work its rows left to Salesflow's listeners and jobs
 * (duplicate detection, search indexing, webhook feed, audit) is done: rows in the file per second.
 */
final class ImportScenario {

    /** Every hundredth row or so carries an email the validation must refuse. */
    static final double INVALID_SHARE = 0.01;

    private static final String HEADER = "First Name,Last Name,Email,Title,Phone,Source";
    private static final String[] SOURCES = {"web_form", "event", "referral", "partner", "import"};

    private final SalesflowApp app;
    private final Backlog backlog;
    private final BenchSize size;
    private final Report report;

    ImportScenario(SalesflowApp app, DataSource db, BenchSize size, Report report) {
        this.app = app;
        this.backlog = new Backlog(db);
        this.size = size;
        this.report = report;
    }

    void run() {
        String auth = "Bearer " + app.signIn(SalesflowApp.ADMIN);
        String label = String.format(Locale.ROOT, "%,d", size.importRows);
        Figure rate = report.figure("B7", "contacts imported from CSV, " + label + " rows, until listeners done", "/s");
        List<Map<String, Object>> jobs = new ArrayList<>();
        int fileBytes = 0;
        backlog.drain();
        for (int i = 0; i < size.repetitions; i++) {
            byte[] file = csv(size.importRows, 7 + i, Long.toString(System.currentTimeMillis() % 1_000_000, 36) + i);
            fileBytes = file.length;
            long start = System.nanoTime();
            JsonNode job = await(upload(auth, file), auth);
            double drained = backlog.drain();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!"completed".equals(job.get("status").asText())) {
                throw new IllegalStateException("The import did not complete: " + job);
            }
            rate.add(new Figure.Run(size.importRows / seconds, size.importRows, seconds));
            jobs.add(Map.of(
                    "imported", job.get("imported").asInt(),
                    "skipped", job.get("skipped").asInt(),
                    "failed", job.get("failed").asInt(),
                    "drainSeconds", Math.round(drained * 10) / 10.0));
        }
        rate.note("jobs", jobs).note("duplicates", "skip").note("fileBytes", fileBytes);
        report.ratio("B7", "contacts imported from CSV (rows/s)", rate.median(), "≥ 20,000");
    }

    /** The job's id after the upload the web app sends: the file with recordType, duplicates and dryRun. */
    private String upload(String auth, byte[] file) {
        String boundary = "bench" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"contacts.csv\""
                        + "\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(app.http.base + "/api/v1/imports?recordType=contacts&dryRun=false&duplicates=skip"))
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", auth)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, file, tail)))
                .build();
        Http.Response r = send(request);
        if (r.status() != 202) {
            throw new IllegalStateException("The upload answered " + r.status() + ": " + r.body());
        }
        return r.json().get("id").asText();
    }

    /** Polls the job as the import dialog does (its interval is a second; here a tenth, not to pad the figure). */
    private JsonNode await(String id, String auth) {
        long deadline = System.nanoTime() + Duration.ofHours(24).toNanos();
        while (System.nanoTime() < deadline) {
            Http.Response r = send(HttpRequest.newBuilder(URI.create(app.http.base + "/api/v1/imports/" + id))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", auth)
                    .GET()
                    .build());
            if (r.status() != 200) {
                throw new IllegalStateException("Polling the import answered " + r.status() + ": " + r.body());
            }
            JsonNode job = r.json();
            String status = job.get("status").asText();
            if (!status.equals("queued") && !status.equals("running")) {
                return job;
            }
            Backlog.sleep(100);
        }
        throw new IllegalStateException("The import " + id + " did not finish within a day");
    }

    private Http.Response send(HttpRequest request) {
        try {
            return app.http.send(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A contacts file as a CRM export or a list bought at a fair looks: the lead generator's names, emails and
     * titles (its 3 % true duplicates repeat an earlier row's email), a phone number, a source; about 1 % of the
     * rows have an email without {@code @}. {@code run} makes the emails of one file unlike any other's.
     */
    static byte[] csv(int rows, long seed, String run) {
        LeadGenerator leads = new LeadGenerator(seed, run);
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder(rows * 90).append(HEADER).append("\r\n");
        for (int i = 0; i < rows; i++) {
            Map<String, Object> lead = leads.next();
            String email = (String) lead.get("email");
            if (random.nextDouble() < INVALID_SHARE) {
                email = email.replace("@", " at ");
            }
            out.append(cell(lead.get("firstName")))
                    .append(',')
                    .append(cell(lead.get("lastName")))
                    .append(',')
                    .append(cell(email))
                    .append(',')
                    .append(cell(lead.get("title")))
                    .append(',')
                    .append(phone(random))
                    .append(',')
                    .append(SOURCES[random.nextInt(SOURCES.length)])
                    .append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** A valid US number: exchange 201–899 but never N11 or 555, which numbering plans keep out. */
    private static String phone(Random random) {
        int exchange = 201 + random.nextInt(699);
        if (exchange % 100 == 11 || exchange == 555) {
            exchange++;
        }
        return String.format(Locale.ROOT, "+1 212 %03d %04d", exchange, random.nextInt(10_000));
    }
}
