package io.salesflow.hooks;

import static io.salesflow.hooks.InboundHooks.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Inbound webhooks accepted per second (signature checked, event and outbox row written before the answer) against
 * an empty authenticated endpoint ({@code GET /api/v1/me}) in the same run, with the same client, one at a time and
 * with a few threads. Logs the figures and their ratio; asserts only that every call was answered as expected.
 */
@IntegrationTest
class InboundWebhookThroughputTest {

    private static final Logger log = LoggerFactory.getLogger(InboundWebhookThroughputTest.class);
    private static final int CALLS = 100;
    private static final int ROUNDS = 3;
    private static final int THREADS = 4;

    @Autowired
    Api api;

    @Test
    void measuresWebhooksAcceptedPerSecondAgainstAnEmptyAuthenticatedEndpoint() throws Exception {
        InboundHooks hooks = new InboundHooks(api);
        String slug = InboundHooks.slug("measure");
        // Mapped to a message no process waits for: the worker's part afterwards is small and fails the event.
        JsonNode created = hooks.create(Map.of(
                "slug", slug,
                "name", "Throughput",
                "scheme", "standard",
                "action", "correlate_message",
                "message", Map.of("messageName", "MeasuredNothing", "businessKey", "/id")));
        String secret = created.get("secret").asText();
        String token = api.token("acme", ADMIN);
        String body = "{\"id\":\"measure\",\"type\":\"payment.succeeded\",\"data\":{\"amount\":12.5}}";
        IntFunction<Integer> webhook = i ->
                hooks.standard(slug, secret, "msg_" + UUID.randomUUID(), body).status();
        IntFunction<Integer> me =
                i -> api.get("/api/v1/me").bearer(token).send().status();

        warmUp(webhook);
        warmUp(me);
        // Rounds alternate, so load from elsewhere on the machine falls on both alike.
        double meSequential = 0;
        double hooksSequential = 0;
        double meParallel = 0;
        double hooksParallel = 0;
        for (int round = 0; round < ROUNDS; round++) {
            meSequential += seconds(me, CALLS, 1);
            hooksSequential += seconds(webhook, CALLS, 1);
            meParallel += seconds(me, CALLS, THREADS);
            hooksParallel += seconds(webhook, CALLS, THREADS);
        }
        int total = CALLS * ROUNDS;
        meSequential = total / meSequential;
        hooksSequential = total / hooksSequential;
        meParallel = total / meParallel;
        hooksParallel = total / hooksParallel;

        log.info(
                "Inbound webhooks accepted per second, {} calls: sequential {} (GET /api/v1/me {}, ratio {}); {}"
                        + " threads {} (GET /api/v1/me {}, ratio {})",
                CALLS * ROUNDS,
                round(hooksSequential),
                round(meSequential),
                round(hooksSequential / meSequential),
                THREADS,
                round(hooksParallel),
                round(meParallel),
                round(hooksParallel / meParallel));
    }

    private static void warmUp(IntFunction<Integer> call) throws Exception {
        seconds(call, 50, 1);
    }

    /** Seconds {@code calls} calls on {@code threads} threads take; every call must answer 200. */
    private static double seconds(IntFunction<Integer> call, int calls, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int n = i;
                answers.add(pool.submit(() -> call.apply(n)));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String round(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
