package io.salesflow.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A PATCH without If-Match applies to the version current when it runs, however many run at once: none is
 * refused and none is lost. Only an If-Match naming an old version is a 412.
 */
@IntegrationTest
class ConcurrentPatchTest {

    private static final int PATCHES = 20;

    @Autowired
    Api api;

    @Test
    void twentyParallelPatchesWithoutIfMatchAllApplyAndEachIsInTheHistory() throws Exception {
        String token = api.token("acme", "admin@acme.test");
        JsonNode created = api.call("POST", "/api/v1/leads")
                .bearer(token)
                .json(Map.of("lastName", "Racer", "company", "Parallel Ltd", "source", "api"))
                .send()
                .expect(201)
                .json();
        String lead = created.get("id").asText();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(PATCHES);
        List<Future<Api.Response>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < PATCHES; i++) {
                String title = "Title " + i;
                responses.add(pool.submit(() -> {
                    start.await();
                    return api.call("PATCH", "/api/v1/leads/" + lead)
                            .bearer(token)
                            .json(Map.of("title", title))
                            .send();
                }));
            }
            start.countDown();
            for (Future<Api.Response> response : responses) {
                Api.Response r = response.get();
                assertThat(r.status()).as(r.body()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        JsonNode current =
                api.call("GET", "/api/v1/leads/" + lead).bearer(token).send().json();
        assertThat(current.get("version").asInt())
                .isGreaterThanOrEqualTo(created.get("version").asInt() + PATCHES);
        List<JsonNode> titleChanges = new ArrayList<>();
        api.call("GET", "/api/v1/leads/" + lead + "/history?limit=200")
                .bearer(token)
                .send()
                .expect(200)
                .json()
                .get("items")
                .forEach(change -> {
                    if (change.get("field").asText().equals("title")) {
                        titleChanges.add(0, change);
                    }
                });
        assertThat(titleChanges)
                .extracting(c -> c.get("after").asText())
                .containsExactlyInAnyOrderElementsOf(
                        IntStream.range(0, PATCHES).mapToObj(i -> "Title " + i).toList());
        // Oldest first, each change starts from the one before: no PATCH worked on a version another replaced.
        for (int i = 1; i < titleChanges.size(); i++) {
            assertThat(titleChanges.get(i).get("before"))
                    .isEqualTo(titleChanges.get(i - 1).get("after"));
        }
        assertThat(current.get("title").asText())
                .isEqualTo(titleChanges.get(PATCHES - 1).get("after").asText());
    }

    @Test
    void anIfMatchNamingAnOldVersionIs412AndChangesNothing() {
        String token = api.token("acme", "admin@acme.test");
        Api.Response created = api.call("POST", "/api/v1/leads")
                .bearer(token)
                .json(Map.of("lastName", "Stale", "source", "api"))
                .send()
                .expect(201);
        String lead = created.json().get("id").asText();
        String firstETag = created.header("ETag").orElseThrow();
        api.call("PATCH", "/api/v1/leads/" + lead)
                .bearer(token)
                .json(Map.of("title", "Newer"))
                .send()
                .expect(200);

        Api.Response stale = api.call("PATCH", "/api/v1/leads/" + lead)
                .bearer(token)
                .header("If-Match", firstETag)
                .json(Map.of("title", "Older"))
                .send();

        assertThat(stale.status()).isEqualTo(412);
        Api.Response current =
                api.call("GET", "/api/v1/leads/" + lead).bearer(token).send();
        assertThat(stale.json().get("currentETag").asText())
                .isEqualTo(current.header("ETag").orElseThrow());
        assertThat(current.json().get("title").asText()).isEqualTo("Newer");
    }
}
