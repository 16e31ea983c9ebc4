package io.salesflow.process.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lead intake through the API with and without nurture starting for each lead, in one run: leads per second from
 * the first request until every lead is in and every listener of its events has run (with nurture: until every
 * lead's nurture has started, which the durable listener does after commit). {@code -Dnurture.benchmark.leads} sets the count per round (default 400).
 */
@IntegrationTest
@Tag("benchmark")
class NurtureIntakeBenchmark {

    private static final int CLIENTS = 4;

    @Autowired
    Api api;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void leadsPerSecondWithAndWithoutNurture() throws Exception {
        int leads = Integer.getInteger("nurture.benchmark.leads", 400);
        round("warm-up", leads / 4, true);
        double without = round("without nurture", leads, false);
        double with = round("with nurture", leads, true);
        System.out.printf(
                "BENCHMARK nurture: %.1f leads/s with nurture, %.1f without: ratio %.2f%n",
                with, without, with / without);
        assertThat(with).isPositive();
    }

    private double round(String label, int count, boolean nurture) throws Exception {
        trigger(nurture);
        String batch = label.replace(' ', '-') + "-" + System.nanoTime();
        long startedBefore = nurtureStarted();
        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                int n = i;
                sent.add(clients.submit(() -> api.as("acme", "admin@acme.test", "POST", "/api/v1/leads")
                        .json(Map.of(
                                "firstName",
                                "Bench" + n,
                                "lastName",
                                batch,
                                "company",
                                "Company " + n % 97,
                                "email",
                                "bench" + n + "." + batch + "@example" + n % 13 + ".com",
                                "country",
                                n % 2 == 0 ? "DE" : "US",
                                "source",
                                "web_form"))
                        .send()
                        .expect(201)));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            clients.shutdown();
        }
        if (nurture) {
            await().atMost(Duration.ofMinutes(10)).until(() -> nurtureStarted() - startedBefore >= count);
        }
        // every listener of the round's events has run: the next round starts from a quiet system
        await().atMost(Duration.ofMinutes(10))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM event_publication WHERE completion_date IS NULL", Long.class)
                        == 0);
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = count / seconds;
        System.out.printf("BENCHMARK nurture: %s: %d leads in %.1f s, %.1f leads/s%n", label, count, seconds, rate);
        trigger(true);
        return rate;
    }

    private void trigger(boolean enabled) {
        api.as("acme", "ops@acme.test", "PUT", "/api/v1/process-triggers/lead.created")
                .json(Map.of("processKey", "lead-nurture", "enabled", enabled))
                .send()
                .expect(200);
    }

    private long nurtureStarted() {
        return history.createHistoricProcessInstanceQuery()
                .processDefinitionKey("lead-nurture")
                .tenantIdIn("acme")
                .count();
    }
}
