package io.salesflow.routing;

import static io.salesflow.routing.RoutingWorkspace.setting;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Over many leads the distributor is fair to the reps available, and caps hold also under concurrent intake. */
@IntegrationTest
class RoutingDistributionTest {

    @Autowired
    RoutingWorkspaces workspaces;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachAvailableRepGetsTheirFairShareAndARepBackFromAbsenceIsNotFlooded() {
        RoutingWorkspace ws = workspaces.create(5);
        ws.activateCountries("DE");
        ws.members(List.of(setting(ws.id("rep5"), 2, null, null, true)));
        Map<String, Integer> weights = Map.of("rep1", 1, "rep2", 1, "rep3", 1, "rep4", 1, "rep5", 2);

        assertFair(ws, route(ws, 60), weights);

        String absence = ws.as("admin", "POST", "/api/v1/users/" + ws.id("rep2") + "/absences")
                .json(Map.of(
                        "startsAt",
                        Instant.now().minus(1, ChronoUnit.MINUTES).toString(),
                        "endsAt",
                        Instant.now().plus(30, ChronoUnit.DAYS).toString()))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        Map<String, Integer> whileAway = new HashMap<>(weights);
        whileAway.remove("rep2");
        Map<String, Integer> during = route(ws, 80);
        assertThat(during).doesNotContainKey("rep2");
        assertFair(ws, during, whileAway);

        ws.as("admin", "DELETE", "/api/v1/users/" + ws.id("rep2") + "/absences/" + absence)
                .send()
                .expect(204);
        assertFair(ws, route(ws, 60), weights);
    }

    @Test
    void fiftyLeadsArrivingAtOnceFillEveryCapExactlyAndTheRestWaitUnassigned() throws Exception {
        RoutingWorkspace ws = workspaces.create(5);
        ws.activateCountries("DE");
        ws.members(List.of(
                setting(ws.id("rep1"), 1, 8, null, true),
                setting(ws.id("rep2"), 1, null, 5, true),
                setting(ws.id("rep3"), 1, null, null, true),
                setting(ws.id("rep4"), 1, 10, null, true),
                setting(ws.id("rep5"), 2, 12, null, true)));
        ws.as("admin", "POST", "/api/v1/users/" + ws.id("rep3") + "/absences")
                .json(Map.of(
                        "startsAt",
                        Instant.now().minus(1, ChronoUnit.MINUTES).toString(),
                        "endsAt",
                        Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                .send()
                .expect(201);
        ws.as("marketing", "GET", "/api/v1/me").send().expect(200);

        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<JsonNode>> created = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            created.add(pool.submit(() -> ws.leadFrom("marketing", "DE")));
        }
        List<UUID> leads = new ArrayList<>();
        for (Future<JsonNode> f : created) {
            leads.add(UUID.fromString(f.get().get("id").asText()));
        }
        pool.shutdown();

        inTenant.run(ws.slug, () -> {
            Map<UUID, Integer> automatic = counts(
                    "SELECT owner_id, count(*) FROM lead_assignments WHERE kind = 'automatic' GROUP BY owner_id");
            // One day's caps: the absent rep gets nothing, every other cap is filled to the lead.
            assertThat(byName(automatic, ws))
                    .as("daily caps 8, 10 and 12, open-lead cap 5 counted from the leads, rep3 out of office")
                    .isEqualTo(Map.of("rep1", 8, "rep2", 5, "rep4", 10, "rep5", 12));
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM lead_assignments WHERE kind = 'unassigned'", Integer.class))
                    .as("the 15 leads beyond the team's capacity of 35 wait unassigned")
                    .isEqualTo(15);
            assertThat(jdbc.queryForList("SELECT lead_id FROM lead_assignments", UUID.class))
                    .as("each of the 50 leads has exactly one assignment, none lost or routed twice")
                    .containsExactlyInAnyOrderElementsOf(leads);
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM leads WHERE owner_id = ? AND deleted_at IS NULL",
                            Integer.class,
                            ws.id("marketing")))
                    .as("unassigned leads stay with their creator")
                    .isEqualTo(15);
            assertThat(counts("SELECT owner_id, count(*) FROM leads WHERE owner_id <> '" + ws.id("marketing")
                            + "' GROUP BY owner_id"))
                    .as("the leads are where the assignments say")
                    .isEqualTo(automatic);
            assertThat(counts("SELECT user_id, total_assigned FROM rep_distribution_state"))
                    .as("the reps' states count the same")
                    .isEqualTo(withZeros(automatic, ws));
        });
    }

    /** Creates {@code n} leads one after another; the owners' names with how many each got. */
    private Map<String, Integer> route(RoutingWorkspace ws, int n) {
        Map<String, Integer> got = new HashMap<>();
        for (int i = 0; i < n; i++) {
            UUID owner = UUID.fromString(
                    ws.leadFrom("marketing", "DE").get("ownerId").asText());
            got.merge(ws.nameOf(owner), 1, Integer::sum);
        }
        return got;
    }

    private static void assertFair(RoutingWorkspace ws, Map<String, Integer> got, Map<String, Integer> weights) {
        int leads = got.values().stream().mapToInt(Integer::intValue).sum();
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        weights.forEach((rep, weight) -> assertThat(got.getOrDefault(rep, 0))
                .as("%s of %d leads for %s (weight %d of %d)", got, leads, rep, weight, total)
                .isBetween(leads * weight / total - 2, leads * weight / total + 2));
        assertThat(got.keySet()).isSubsetOf(weights.keySet());
    }

    private Map<UUID, Integer> counts(String sql) {
        Map<UUID, Integer> counts = new HashMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getObject(1, UUID.class), rs.getInt(2));
        });
        return counts;
    }

    private static Map<String, Integer> byName(Map<UUID, Integer> counts, RoutingWorkspace ws) {
        Map<String, Integer> named = new HashMap<>();
        counts.forEach((id, n) -> named.put(ws.nameOf(id), n));
        return named;
    }

    private static Map<UUID, Integer> withZeros(Map<UUID, Integer> counts, RoutingWorkspace ws) {
        Map<UUID, Integer> all = new HashMap<>(counts);
        for (String rep : List.of("rep1", "rep2", "rep3", "rep4", "rep5")) {
            all.putIfAbsent(ws.id(rep), 0);
        }
        return all;
    }
}
