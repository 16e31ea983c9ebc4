package io.salesflow.routing;

import static io.salesflow.routing.RoutingWorkspace.setting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.salesflow.identity.Teams;
import io.salesflow.lead.LeadLoad;
import io.salesflow.rules.facts.LeadFacts;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import io.salesflow.tenancy.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A thousand leads arriving over a week, routed in PostgreSQL by the real router whose clock moves with them, to
 * five reps of whom one is out of office for a stretch that starts and ends while leads keep coming. Every
 * available rep stays within two leads of their weighted fair share in each period, the absent rep gets none
 * while away, and on their return is not flooded.
 */
@IntegrationTest
class RoutingFairnessTest {

    @Autowired
    RoutingWorkspaces workspaces;

    private static final int LEADS = 1_000;
    private static final Duration EVERY = Duration.ofMinutes(10);
    private static final int AWAY_FROM = 300;
    private static final int BACK_AT = 650;

    @Autowired
    InTenant inTenant;

    @Autowired
    Teams teams;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ActiveRuleSet activeRuleSet;

    @Autowired
    TeamRoster rosters;

    @Autowired
    LeadLoad load;

    @Autowired
    AssignmentLog assignmentLog;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void eachRepStaysWithinTwoOfTheirFairShareInEveryPeriodTheyWereAvailable() {
        RoutingWorkspace ws = workspaces.create(5);
        ws.activateCountries("DE");
        ws.members(List.of(setting(ws.id("rep5"), 2, null, null, true)));
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        ws.as("admin", "POST", "/api/v1/users/" + ws.id("rep4") + "/absences")
                .json(Map.of(
                        "startsAt", at(start, AWAY_FROM).toString(),
                        "endsAt", at(start, BACK_AT).toString(),
                        "reason", "Conference"))
                .send()
                .expect(201);
        MovingClock clock = new MovingClock(start);
        LeadRouter router = new LeadRouter(activeRuleSet, rosters, teams, load, assignmentLog, events, jdbc, clock);

        List<String> owners = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            clock.set(at(start, i));
            owners.add(ws.nameOf(route(ws, router)));
        }

        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put("rep1", 1);
        weights.put("rep2", 1);
        weights.put("rep3", 1);
        weights.put("rep4", 1);
        weights.put("rep5", 2);
        Map<String, Integer> whileAway = new LinkedHashMap<>(weights);
        whileAway.remove("rep4");
        Map<String, Double> fairOverall = new HashMap<>();
        assertFair("before the absence", owners.subList(0, AWAY_FROM), weights, fairOverall);
        assertFair("during the absence", owners.subList(AWAY_FROM, BACK_AT), whileAway, fairOverall);
        assertFair("after the absence", owners.subList(BACK_AT, LEADS), weights, fairOverall);
        assertThat(owners.subList(AWAY_FROM, BACK_AT))
                .as("nothing for rep4 while away")
                .doesNotContain("rep4");
        assertThat(owners.subList(BACK_AT, BACK_AT + 12).stream()
                        .filter("rep4"::equals)
                        .count())
                .as("rep4 back from absence gets their share of the next 12 leads, not a backlog")
                .isBetween(1L, 3L);
        assertThat(counts(owners))
                .as("over the whole run, each rep's fair share of the periods they were available")
                .allSatisfy((rep, got) -> assertThat((double) got).isCloseTo(fairOverall.get(rep), offset(2.0)));

        inTenant.run(ws.slug, () -> {
            assertThat(jdbc.queryForObject(
                            "SELECT count(DISTINCT lead_id) FROM lead_assignments WHERE kind = 'automatic'",
                            Integer.class))
                    .as("every lead assigned once")
                    .isEqualTo(LEADS);
            String skipped = jdbc.queryForObject(
                    """
                    SELECT c ->> 'reason' FROM lead_assignments a, jsonb_array_elements(a.candidates) c
                    WHERE a.at = ? AND (c ->> 'userId')::uuid = ?
                    """,
                    String.class,
                    Timestamp.from(at(start, AWAY_FROM)),
                    ws.id("rep4"));
            assertThat(skipped).as("the explanation names the absence").startsWith("out of office until");
        });
    }

    /** Stores one new lead from marketing, routes it at the clock's time and hands it to the chosen rep. */
    private UUID route(RoutingWorkspace ws, LeadRouter router) {
        return inTenant.call(ws.slug, () -> {
            UUID lead = UUID.randomUUID();
            jdbc.update(
                    "INSERT INTO leads (tenant_id, id, company, source, country, owner_id)"
                            + " VALUES (?, ?, ?, 'web_form', 'DE', ?)",
                    TenantContext.require(),
                    lead,
                    "Lead " + lead,
                    ws.id("marketing"));
            LeadFacts facts = LeadFacts.builder()
                    .leadId(lead.toString())
                    .country("DE")
                    .source("web_form")
                    .build();
            LeadRouter.Outcome outcome =
                    router.route(lead, ws.id("marketing"), facts).orElseThrow();
            jdbc.update(
                    "UPDATE leads SET owner_id = ?, team_id = ? WHERE id = ?",
                    outcome.ownerId(),
                    outcome.teamId(),
                    lead);
            return outcome.ownerId();
        });
    }

    private static void assertFair(
            String period, List<String> owners, Map<String, Integer> weights, Map<String, Double> fairOverall) {
        Map<String, Integer> got = counts(owners);
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(got.keySet()).as("%s: only available reps get leads", period).isSubsetOf(weights.keySet());
        weights.forEach((rep, weight) -> {
            double fair = (double) owners.size() * weight / total;
            fairOverall.merge(rep, fair, Double::sum);
            assertThat((double) got.getOrDefault(rep, 0))
                    .as("%s: %s of %d leads for %s (weight %d of %d)", period, got, owners.size(), rep, weight, total)
                    .isCloseTo(fair, offset(2.0));
        });
    }

    private static Map<String, Integer> counts(List<String> owners) {
        Map<String, Integer> counts = new HashMap<>();
        owners.forEach(o -> counts.merge(o, 1, Integer::sum));
        return counts;
    }

    private static Instant at(Instant start, int lead) {
        return start.plus(EVERY.multipliedBy(lead));
    }

    /** The router's clock, moved by the test from one lead's arrival to the next. */
    private static final class MovingClock extends Clock {

        private final AtomicReference<Instant> now;
        private final ZoneId zone;

        MovingClock(Instant now) {
            this(new AtomicReference<>(now), ZoneOffset.UTC);
        }

        private MovingClock(AtomicReference<Instant> now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new MovingClock(now, other);
        }
    }
}
