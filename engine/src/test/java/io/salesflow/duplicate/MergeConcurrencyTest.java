package io.salesflow.duplicate;

import static io.salesflow.duplicate.DuplicateFixture.uniqueWord;
import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Crossing merges at the same time, A&lt;-B and B&lt;-A, on the real database: one wins, the other finds its
 * survivor merged away and is refused; one record stays live and everything that pointed at either is on it.
 */
@IntegrationTest
class MergeConcurrencyTest {

    private static final String REP = "rep@acme.test";
    private static final int ROUNDS = 3;

    @Autowired
    Api api;

    @Test
    void crossingMergesRunOneAfterTheOtherAndTheSecondIsRefused() throws Exception {
        DuplicateFixture records = new DuplicateFixture(api);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String last = uniqueWord();
                String a = records.create(REP, "contacts", Map.of("firstName", "Al", "lastName", last));
                String b = records.create(REP, "contacts", Map.of("firstName", "Alan", "lastName", last));
                String callA =
                        records.create(REP, "activities", Map.of("type", "call", "subject", "Call A", "contactId", a));
                String callB =
                        records.create(REP, "activities", Map.of("type", "call", "subject", "Call B", "contactId", b));
                String noteB = records.create(REP, "notes", Map.of("body", "Met B", "contactId", b));

                CountDownLatch start = new CountDownLatch(1);
                Api.Call aKeepsB = mergeCall(a, b);
                Api.Call bKeepsA = mergeCall(b, a);
                List<Future<Api.Response>> merges = new ArrayList<>();
                for (Api.Call call : List.of(aKeepsB, bKeepsA)) {
                    merges.add(pool.submit(() -> {
                        start.await();
                        return call.send();
                    }));
                }
                start.countDown();
                Api.Response first = merges.get(0).get(60, TimeUnit.SECONDS);
                Api.Response second = merges.get(1).get(60, TimeUnit.SECONDS);

                assertThat(List.of(first.status(), second.status()))
                        .as(first.body() + " / " + second.body())
                        .containsExactlyInAnyOrder(200, 409);
                Api.Response refused = first.status() == 409 ? first : second;
                String survivor = first.status() == 200 ? a : b;
                String mergedAway = survivor.equals(a) ? b : a;
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.json().get("errors").get(0).get("field").asText())
                        .as("the refused merge's survivor is the record merged away")
                        .isEqualTo("survivorId");
                assertThat(refused.json().get("errors").get(0).get("message").asText())
                        .contains("merged into contact " + survivor);

                assertThat(status("/api/v1/contacts/" + survivor)).isEqualTo(200);
                assertThat(status("/api/v1/contacts/" + mergedAway)).isEqualTo(404);
                for (String activity : List.of(callA, callB)) {
                    assertThat(field("/api/v1/activities/" + activity, "contactId"))
                            .isEqualTo(survivor);
                }
                assertThat(field("/api/v1/notes/" + noteB, "contactId")).isEqualTo(survivor);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Api.Call mergeCall(String survivor, String merged) {
        return api.as("acme", REP, "POST", "/api/v1/contacts/merge")
                .json(Map.of("survivorId", survivor, "mergedIds", List.of(merged)));
    }

    private int status(String path) {
        return api.as("acme", REP, "GET", path).send().status();
    }

    private String field(String path, String field) {
        return api.as("acme", REP, "GET", path)
                .send()
                .expect(200)
                .json()
                .get(field)
                .asText();
    }
}
