package io.salesflow.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.SalesflowApplication;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The embedded default after {@code kill -9}: Salesflow runs as a process of its own on a data directory and
 * ports of this test, is killed in the middle of an import, and started again on the same directory. It comes up
 * although its PostgreSQL outlived it, and the interrupted import resumes and brings every row exactly once.
 */
class CrashRecoveryTest {

    private static final int ROWS = 1_000;
    private static final String DEMO_PASSWORD = "Salesflow-demo-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private Path dataDirectory;

    @Test
    void afterAKillInTheMiddleOfAnImportTheNextStartComesUpAndTheImportCompletesOnce(@TempDir Path dir)
            throws Exception {
        int httpPort = freePort();
        int databasePort = freePort();
        String marker = "crash" + UUID.randomUUID().toString().substring(0, 8);

        dataDirectory = dir.resolve("pgdata");
        long began = System.nanoTime();
        String job = importUntilKilled(dir, httpPort, databasePort, marker);
        phase("first start, import under way, kill -9", began);
        Map<String, Object> atKill = asOwnerInAcme(
                databasePort,
                jdbc -> jdbc.queryForMap("SELECT status, processed_rows FROM import_jobs WHERE id = ?::uuid", job));
        assertThat(atKill)
                .as("its PostgreSQL outlives the killed Salesflow, with the import half done")
                .containsEntry("status", "running");
        assertThat((Integer) atKill.get("processed_rows")).isBetween(100, ROWS - 1);

        long restarted = System.nanoTime();
        Process second = start(dir, httpPort, databasePort, "second");
        try {
            awaitReady(second, httpPort, dir.resolve("second.log"));
            phase("second start, the orphaned PostgreSQL stopped", restarted);
            long resumed = System.nanoTime();
            String token = signIn(httpPort);
            JsonNode done = await("the interrupted import completed")
                    .atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () -> job(httpPort, token, job),
                            j -> !j.get("status").asText().equals("running"));
            phase("the import resumed and completed", resumed);
            assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
            assertThat(done.get("processedRows").asInt()).isEqualTo(ROWS);
            assertThat(done.get("imported").asInt()).isEqualTo(ROWS);
            assertThat(leadsOf(databasePort, marker))
                    .containsEntry("leads", (long) ROWS)
                    .containsEntry("emails", (long) ROWS);
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    /** A PostgreSQL the test leaves behind when it fails half-way would outlive the test run. */
    @AfterEach
    void stopWhatIsLeft() {
        if (dataDirectory != null) {
            OrphanedPostgres.stopIfAny(dataDirectory);
        }
    }

    /** Starts Salesflow, starts an import and kills the process ({@code kill -9}) once a few chunks are in. */
    private String importUntilKilled(Path dir, int httpPort, int databasePort, String marker) throws Exception {
        Process first = start(dir, httpPort, databasePort, "first");
        try {
            awaitReady(first, httpPort, dir.resolve("first.log"));
            String token = signIn(httpPort);
            String job = upload(httpPort, token, marker);
            await("the import is under way")
                    .atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> processed(httpPort, token, job), n -> n >= 100);
            return job;
        } finally {
            first.destroyForcibly().waitFor();
        }
    }

    @Test
    void aForeignProgramOnThePortIsStillRefused(@TempDir Path dir) throws IOException {
        try (ServerSocket foreign = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(
                    dir.resolve("pgdata"), foreign.getLocalPort(), false, "salesflow", "owner-pw", "app-pw");
            Throwable refused =
                    org.assertj.core.api.Assertions.catchThrowable(() -> EmbeddedPostgresServer.startDedicated(
                            properties, new DatabaseRoles("salesflow_owner", "salesflow_app")));
            assertThat(refused)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Port " + foreign.getLocalPort())
                    .hasMessageContaining("in use by another program");
        }
    }

    @Test
    void aDataDirectoryALiveSalesflowUsesIsRefused(@TempDir Path dir) {
        EmbeddedDatabaseProperties properties =
                new EmbeddedDatabaseProperties(dir.resolve("pgdata"), 0, false, "salesflow", "owner-pw", "app-pw");
        DatabaseRoles roles = new DatabaseRoles("salesflow_owner", "salesflow_app");
        EmbeddedPostgresServer running = EmbeddedPostgresServer.startDedicated(properties, roles);
        try {
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
                    () -> EmbeddedPostgresServer.startDedicated(properties, roles));
            assertThat(refused).hasMessageContaining("is in use by another running Salesflow");
            assertThat(new JdbcTemplate(running.superuserDataSource()).queryForObject("SELECT 1", Integer.class))
                    .as("the running one is left alone")
                    .isEqualTo(1);
        } finally {
            running.stop();
        }
    }

    /** The application's main class in a JVM of its own, with the application's classes only (no test sources). */
    private static Process start(Path dir, int httpPort, int databasePort, String name) throws IOException {
        String classpath = Arrays.stream(
                        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                                .split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath,
                SalesflowApplication.class.getName(),
                "--server.port=" + httpPort,
                "--salesflow.embedded-db.data-directory=" + dir.resolve("pgdata"),
                "--salesflow.embedded-db.port=" + databasePort,
                "--salesflow.auth.jwt-secret=crash-recovery-test-secret-of-32-bytes!",
                // Small chunks and a short lease: the kill falls between chunks, and the resume comes soon.
                "--salesflow.imports.chunk-size=50",
                "--salesflow.imports.lease=3s",
                "--salesflow.imports.resume-interval=1s"));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile())
                .start();
    }

    private void awaitReady(Process process, int port, Path log) {
        await("Salesflow ready (see " + log + ")")
                .atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .failFast(() -> assertThat(process.isAlive())
                        .as(() -> "Salesflow exited:\n" + tail(log))
                        .isTrue())
                .until(() -> status(port, "/actuator/health/readiness") == 200);
    }

    private String signIn(int port) throws Exception {
        HttpResponse<String> response = send(
                port,
                "POST",
                "/api/v1/auth/login",
                null,
                "application/json",
                JSON.writeValueAsBytes(
                        Map.of("tenant", "acme", "email", "admin@acme.test", "password", DEMO_PASSWORD)));
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).get("accessToken").asText();
    }

    private String upload(int port, String token, String marker) throws Exception {
        StringBuilder csv = new StringBuilder("First Name,Last Name,Email,Company\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("Crash,Lead")
                    .append(i)
                    .append(",lead")
                    .append(i)
                    .append('@')
                    .append(marker)
                    .append(".example,Survivor ")
                    .append(i)
                    .append('\n');
        }
        String boundary = "----crash-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"recordType\"\r\n\r\nleads\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"leads.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = send(
                port,
                "POST",
                "/api/v1/imports",
                token,
                "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("id").asText();
    }

    private JsonNode job(int port, String token, String id) throws Exception {
        return JSON.readTree(
                send(port, "GET", "/api/v1/imports/" + id, token, null, null).body());
    }

    private int processed(int port, String token, String id) throws Exception {
        return job(port, token, id).get("processedRows").asInt();
    }

    private int status(int port, String path) {
        try {
            return send(port, "GET", path, null, null, null).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private HttpResponse<String> send(int port, String method, String path, String token, String type, byte[] body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (type != null) {
            request.header("Content-Type", type);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The leads of this import in the database: how many, and how many distinct emails. */
    private static Map<String, Object> leadsOf(int databasePort, String marker) {
        return asOwnerInAcme(
                databasePort,
                jdbc -> jdbc.queryForMap(
                        "SELECT count(*) AS leads, count(DISTINCT email) AS emails FROM leads WHERE email LIKE ?",
                        "%@" + marker + ".example"));
    }

    /** Reads the database as its owner, in the acme tenant (row-level security binds the owner too). */
    private static <T> T asOwnerInAcme(int databasePort, Function<JdbcTemplate, T> query) {
        SingleConnectionDataSource owner = new SingleConnectionDataSource(
                "jdbc:postgresql://localhost:" + databasePort + "/salesflow",
                "salesflow_owner",
                "salesflow-owner-local",
                true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(owner);
            String acme = jdbc.queryForObject("SELECT id::text FROM tenants WHERE slug = 'acme'", String.class);
            jdbc.queryForObject("SELECT set_config('app.tenant_id', ?, false)", String.class, acme);
            return query.apply(jdbc);
        } finally {
            owner.destroy();
        }
    }

    /** How long each part took, for the record (tests assert no times). */
    private static void phase(String what, long since) {
        System.out.printf(
                "CRASH RECOVERY %s: %d s%n",
                what, Duration.ofNanos(System.nanoTime() - since).toSeconds());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
