package io.salesflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.OperatingSystemMXBean;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fixed cost of an authenticated request (issue 17, request floor): {@code GET /api/v1/me}, which does nothing
 * but authenticate, answered one after another with an access token and with an API key. Prints the median and p95
 * in ms, the JVM's CPU per request and the database transactions per request. A measurement, not a test: run it with
 * {@code ./mvnw -pl engine test -Dtest=RequestFloorBenchmark -Dsurefire.excludedGroups= -Dgroups=benchmark}.
 */
@Tag("benchmark")
@IntegrationTest
class RequestFloorBenchmark {

    private static final int REQUESTS = Integer.getInteger("floor.benchmark.requests", 400);

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void measuresTheFixedCostOfAnAuthenticatedRequest() throws InterruptedException {
        String token = api.token("acme", "admin@acme.test");
        String key = api.as("acme", "admin@acme.test", "POST", "/api/v1/api-keys")
                .json(Map.of("name", "Floor benchmark", "scopes", List.of("leads:read", "leads:write")))
                .send()
                .expect(201)
                .json()
                .get("key")
                .asText();
        for (int round = 0; round < 2; round++) {
            // The first round warms up the JIT and the pools; the second is the one to read.
            report(round, "access token", token);
            report(round, "API key     ", key);
        }
    }

    private void report(int round, String what, String credential) throws InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] nanos = new long[REQUESTS];
        long transactions = transactions();
        long cpu = os.getProcessCpuTime();
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            int status = api.get("/api/v1/me").bearer(credential).send().status();
            nanos[i] = System.nanoTime() - start;
            assertThat(status).isEqualTo(200);
        }
        double cpuMs = (os.getProcessCpuTime() - cpu) / 1e6 / REQUESTS;
        double perRequest = (transactions() - transactions) / (double) REQUESTS;
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "FLOOR round %d %s: median %.2f ms, p95 %.2f ms, JVM CPU %.2f ms, transactions %.2f per request%n",
                round,
                what,
                nanos[REQUESTS / 2] / 1e6,
                nanos[(int) (REQUESTS * 0.95)] / 1e6,
                cpuMs,
                perRequest);
    }

    /** Committed transactions of the database so far (its statistics are flushed about once a second). */
    private long transactions() throws InterruptedException {
        Thread.sleep(1_500);
        return jdbc.queryForObject(
                "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()",
                Long.class);
    }
}
