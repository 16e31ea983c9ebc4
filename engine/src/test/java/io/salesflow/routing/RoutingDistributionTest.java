package io.salesflow.routing;

import static io.salesflow.routing.RoutingWorkspace.setting;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.identity.Teams;
import io.salesflow.identity.Users;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.tenancy.Tenants;
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
    Api api;

    @Autowired
    Tenants tenants;

    @Autowired
    InTenant inTenant;

    @Autowired
    Users users;

    @Autowired
    Teams teams;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachAvailableRepGetsTheirFairShareAndARepBackFromAbsenceIsNotFlooded() {
        RoutingWorkspace ws = RoutingWorkspace.create(api, tenants, inTenant, users, teams, 5);
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
    void capsHoldWhenFiftyLeadsArriveAtOnce() throws Exception {
        RoutingWorkspace ws = RoutingWorkspace.create(api, tenants, inTenant, users, teams, 3);
        ws.activateCountries("DE");
        ws.members(List.of(
                setting(ws.id("rep1"), 1, 7, null, true),
                setting(ws.id("rep2"), 1, null, 4, true),
                setting(ws.id("rep3"), 2, 10, null, true)));
        ws.as("marketing", "GET", "/api/v1/me").send().expect(200);

        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<JsonNode>> created = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            created.add(pool.submit(() -> ws.leadFrom("marketing", "DE")));
        }
        for (Future<JsonNode> f : created) {
            f.get();
        }
        pool.shutdown();

        inTenant.run(ws.slug, () -> {
            Map<UUID, Integer> automatic = counts(
                    "SELECT owner_id, count(*) FROM lead_assignments WHERE kind = 'automatic' GROUP BY owner_id");
            assertThat(automatic.getOrDefault(ws.id("rep2"), 0))
                    .as("the open-lead cap, counted from the leads")
                    .isEqualTo(4);
            Map<String, Integer> caps =
                    Map.of(ws.id("rep1").toString(), 7, ws.id("rep3").toString(), 10);
            jdbc.query(
                    """
                    SELECT owner_id, (at AT TIME ZONE 'UTC')::date, count(*) FROM lead_assignments
                    WHERE kind = 'automatic' AND owner_id = ANY (?) GROUP BY 1, 2
                    """,
                    rs -> {
                        assertThat(rs.getInt(3))
                                .as("daily cap of %s on %s", ws.nameOf(rs.getObject(1, UUID.class)), rs.getDate(2))
                                .isLessThanOrEqualTo(caps.get(rs.getString(1)));
                    },
                    (Object) new UUID[] {ws.id("rep1"), ws.id("rep3")});
            Integer all = jdbc.queryForObject("SELECT count(*) FROM lead_assignments", Integer.class);
            assertThat(all).as("one assignment per lead").isEqualTo(50);
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

    private static Map<UUID, Integer> withZeros(Map<UUID, Integer> counts, RoutingWorkspace ws) {
        Map<UUID, Integer> all = new HashMap<>(counts);
        for (String rep : List.of("rep1", "rep2", "rep3")) {
            all.putIfAbsent(ws.id(rep), 0);
        }
        return all;
    }
}
