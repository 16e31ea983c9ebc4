package io.salesflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark at its smallest setting, in the build: every scenario runs against the real engine, the real
 * application jar and PostgreSQL, and every figure it reports counted something. It checks that figures exist, never
 * what they are: times depend on the machine.
 */
class BenchSmokeTest {

    @TempDir
    Path out;

    @Test
    void everyScenarioRunsAndProducesFigures() throws Exception {
        Bench.run(BenchSize.SMOKE, out).print(System.out);

        JsonNode results =
                new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(results.get("size").asText()).isEqualTo("smoke");
        assertThat(results.get("machine").get("cores").asInt()).isPositive();
        JsonNode scenarios = results.get("scenarios");
        assertThat(scenarios.fieldNames())
                .toIterable()
                .containsExactly("B8", "B1", "B9", "B2", "B3", "B4", "B5", "B6", "B10", "B7");
        scenarios.fields().forEachRemaining(scenario -> {
            assertThat(scenario.getValue().get("figures")).as(scenario.getKey()).isNotEmpty();
            for (JsonNode figure : scenario.getValue().get("figures")) {
                String what = scenario.getKey() + " " + figure.get("name").asText();
                assertThat(figure.get("unit").asText()).as(what).isNotBlank();
                assertThat(figure.get("count").asLong()).as(what).isPositive();
                assertThat(figure.get("runs")).as(what).hasSize(1);
                for (String field : new String[] {"median", "min", "max"}) {
                    assertThat(figure.get(field).isNumber())
                            .as(what + " " + field)
                            .isTrue();
                }
            }
        });
        assertThat(results.get("ratios"))
                .extracting(r -> r.get("scenario").asText())
                .contains("B2", "B3", "B4", "B5", "B6", "B7", "B8", "B9", "B10");
        assertThat(scenarios.get("B10").get("figures"))
                .extracting(f -> f.get("name").asText())
                .as("B2 and B5 at both sizes")
                .anyMatch(n -> n.endsWith("until listeners done, at 1,000 leads"))
                .anyMatch(n -> n.endsWith("until listeners done, at 10,000 leads"))
                .anyMatch(n -> n.endsWith("p95 at 1,000"))
                .anyMatch(n -> n.endsWith("p95 at 10,000"));
        for (JsonNode ratio : results.get("ratios")) {
            assertThat(ratio.get("value").isNumber())
                    .as(ratio.get("name").asText())
                    .isTrue();
        }
    }
}
