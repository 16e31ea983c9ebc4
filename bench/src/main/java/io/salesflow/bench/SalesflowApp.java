package io.salesflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Salesflow as it ships (the repackaged jar) in a JVM of its own, on the benchmark's PostgreSQL as an operator would
 * run it against their own database (docs/operations.md): app and owner roles, demo workspaces on (the bench works in
 * {@code acme}), and the per-caller and per-workspace request limits raised out of the way of the load.
 */
final class SalesflowApp implements AutoCloseable {

    static final String TENANT = "acme";
    static final String ADMIN = "admin@acme.test";
    static final String PASSWORD = "Salesflow-demo-1";

    private final Process process;
    private final Path log;
    final Http http;

    private SalesflowApp(Process process, Path log, Http http) {
        this.process = process;
        this.log = log;
        this.http = http;
    }

    static SalesflowApp start(BenchDatabase db, Path workDir) {
        Path jar = applicationJar();
        int port = freePort();
        Path log = workDir.resolve("salesflow.log");
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        // Extra options for the application's JVM, e.g. a flight recording while profiling a scenario.
        String jvmOptions = System.getenv().getOrDefault("BENCH_APP_JVM_OPTIONS", "");
        if (!jvmOptions.isBlank()) {
            command.addAll(List.of(jvmOptions.trim().split("\\s+")));
        }
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--spring.datasource.url=" + db.jdbcUrl(BenchDatabase.APP));
        command.add("--spring.datasource.username=" + BenchDatabase.APP_ROLE);
        command.add("--spring.datasource.password=" + BenchDatabase.APP_PASSWORD);
        command.add("--spring.flyway.user=" + BenchDatabase.OWNER_ROLE);
        command.add("--spring.flyway.password=" + BenchDatabase.OWNER_PASSWORD);
        // The limits protect a shared installation from one caller; the benchmark is that one caller on purpose.
        command.add("--salesflow.rate-limits.per-caller.requests=1000000000");
        command.add("--salesflow.rate-limits.per-tenant.requests=1000000000");
        command.add("--salesflow.rate-limits.logins-per-address.requests=1000000");
        // Sign-ins are tried while the demo users are still being created: those failures must not throttle them.
        command.add("--salesflow.auth.failed-logins-before-delay=1000000");
        command.add("--salesflow.auth.failed-logins-per-account=1000000");
        // B7's full file (1,000,000 contacts) is larger than the 50 MB an installation accepts by default.
        command.add("--salesflow.imports.max-size=512MB");
        command.add("--salesflow.public-url=http://localhost:" + port);
        try {
            Files.createDirectories(workDir);
            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            // An interrupted benchmark (Ctrl-C) takes its application down with it.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "salesflow-stop"));
            SalesflowApp app = new SalesflowApp(process, log, new Http("http://localhost:" + port));
            // Five minutes were not always enough on a two-core machine at a load of 20 or more.
            app.awaitReady(Duration.ofMinutes(10));
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + jar, e);
        }
    }

    /** The repackaged jar on this JVM's class path (the bench module's provided dependency on the engine). */
    static Path applicationJar() {
        String override = System.getProperty("bench.app.jar");
        if (override != null && !override.isBlank()) {
            return Paths.get(override).toAbsolutePath();
        }
        URL launcher = SalesflowApp.class
                .getClassLoader()
                .getResource("org/springframework/boot/loader/launch/JarLauncher.class");
        if (launcher == null || !"jar".equals(launcher.getProtocol())) {
            throw new IllegalStateException("The Salesflow jar is not on the class path: build it first"
                    + " (./mvnw install -DskipTests) or pass -Dbench.app.jar=<path>");
        }
        String file = launcher.getPath().substring(0, launcher.getPath().indexOf("!/"));
        try {
            return Paths.get(new URL(file).toURI());
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("Cannot read the jar location " + file, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ready when the demo administrator can sign in: migrations ran and the demo workspaces are loaded. */
    private void awaitReady(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        boolean up = false;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Salesflow stopped while starting; its log:\n" + tail());
            }
            try {
                if (!up) {
                    up = http.send(HttpRequest.newBuilder(URI.create(http.base + "/actuator/health"))
                                            .build())
                                    .status()
                            == 200;
                } else if (http.post("/api/v1/auth/login", null, credentials(ADMIN))
                                .status()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            sleep(up ? 250 : 500);
        }
        throw new IllegalStateException("Salesflow did not get ready in " + atMost + "; its log:\n" + tail());
    }

    private static Map<String, String> credentials(String email) {
        return Map.of("tenant", TENANT, "email", email, "password", PASSWORD);
    }

    /** An access token of a demo user of acme. */
    String signIn(String email) {
        try {
            Http.Response r = http.post(
                    "/api/v1/auth/login", null, Map.of("tenant", TENANT, "email", email, "password", PASSWORD));
            if (r.status() != 200) {
                throw new IllegalStateException("Sign-in of " + email + " answered " + r.status() + ": " + r.body());
            }
            return r.json().get("accessToken").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An API key of acme with the scopes given, created by the workspace's admin as an integrator would. */
    String apiKey(List<String> scopes) {
        try {
            Http.Response r = http.post(
                    "/api/v1/api-keys",
                    "Bearer " + signIn(ADMIN),
                    Map.of("name", "bench-" + System.nanoTime(), "scopes", scopes));
            if (r.status() != 201) {
                throw new IllegalStateException("Creating the API key answered " + r.status() + ": " + r.body());
            }
            JsonNode key = r.json().get("key");
            return key.asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
