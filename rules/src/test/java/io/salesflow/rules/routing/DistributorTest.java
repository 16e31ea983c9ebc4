package io.salesflow.rules.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DistributorTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final Distributor distributor = new Distributor();

    private static Instant leadTime(int i) {
        return START.plus(Duration.ofMinutes(10L * i));
    }

    @ParameterizedTest(name = "weights {0}")
    @ValueSource(strings = {"1,1,1,1,1", "1,2,1,1,3"})
    void thousandLeadsStayWithinTwoOfAFairShareWhileOneRepIsAway(String weightList) {
        int[] weights = java.util.Arrays.stream(weightList.split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        Absence away = new Absence(leadTime(300), leadTime(650));
        List<TeamMember> members = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            List<Absence> absences = r == 2 ? List.of(away) : List.of();
            members.add(new TeamMember("rep-" + r, weights[r], null, null, true, absences));
        }
        Team team = new Team("sales", BERLIN, members);
        Map<String, Integer> got = new HashMap<>();
        Map<String, Double> fair = new HashMap<>();
        List<RepState> states = List.of();
        List<Integer> returningRepLeads = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Instant t = leadTime(i);
            Assignment a = distributor.decide(team, states, t);
            states = a.states();
            got.merge(a.repId(), 1, Integer::sum);
            int availableWeight = members.stream()
                    .filter(m -> m.absenceAt(t).isEmpty())
                    .mapToInt(TeamMember::weight)
                    .sum();
            for (TeamMember m : members) {
                if (m.absenceAt(t).isEmpty()) {
                    fair.merge(m.repId(), (double) m.weight() / availableWeight, Double::sum);
                }
            }
            if (away.covers(t)) {
                assertThat(a.repId()).isNotEqualTo("rep-2");
            }
            if (i >= 650 && i < 670 && a.repId().equals("rep-2")) {
                returningRepLeads.add(i);
            }
        }

        for (TeamMember m : members) {
            assertThat((double) got.getOrDefault(m.repId(), 0))
                    .as("%s got %s, fair share %.1f", m.repId(), got.get(m.repId()), fair.get(m.repId()))
                    .isBetween(fair.get(m.repId()) - 2, fair.get(m.repId()) + 2);
        }
        double returningShare =
                20.0 * weights[2] / java.util.Arrays.stream(weights).sum();
        assertThat((double) returningRepLeads.size()).isLessThanOrEqualTo(Math.ceil(returningShare) + 1);
    }

    @Test
    void dailyCapsAreNeverExceededAndTheCountStartsOverNextDay() {
        List<TeamMember> members = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            members.add(new TeamMember("rep-" + r, 1 + r % 2, 20, null, true, List.of()));
        }
        Team team = new Team("sales", BERLIN, members);
        List<RepState> states = List.of();
        Map<String, Integer> perRep = new HashMap<>();
        int unassigned = 0;
        for (int i = 0; i < 150; i++) {
            Assignment a = distributor.decide(team, states, START.plusSeconds(i));
            states = a.states();
            if (a.assigned()) {
                perRep.merge(a.repId(), 1, Integer::sum);
            } else {
                unassigned++;
                assertThat(a.reason()).isEqualTo("no rep in the team is available");
                assertThat(a.candidates())
                        .allSatisfy(c -> assertThat(c.reason()).isEqualTo("daily cap 20 reached"));
            }
        }

        assertThat(perRep.values()).allSatisfy(n -> assertThat(n).isEqualTo(20));
        assertThat(unassigned).isEqualTo(50);
        Assignment nextDay = distributor.decide(team, states, START.plus(Duration.ofDays(1)));
        assertThat(nextDay.assigned()).isTrue();
    }

    @Test
    void openLoadCapSkipsTheRepUntilTheLoadDrops() {
        Team team = new Team(
                "sales",
                BERLIN,
                List.of(new TeamMember("busy", 1, null, 3, true, List.of()), TeamMember.of("free", 1)));
        List<RepState> states = List.of(new RepState("busy", null, 0, 3, 0, null, 0));

        Assignment a = distributor.decide(team, states, START);

        assertThat(a.repId()).isEqualTo("free");
        assertThat(a.candidates())
                .filteredOn(c -> c.repId().equals("busy"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.verdict()).isEqualTo(Verdict.SKIPPED);
                    assertThat(c.reason()).isEqualTo("open load 3 at its cap 3");
                });
    }

    @Test
    void explanationSaysWhyEachRepWasSkippedPassedOverOrChosen() {
        Team team = new Team(
                "sales",
                BERLIN,
                List.of(
                        new TeamMember("gone", 1, null, null, false, List.of()),
                        new TeamMember(
                                "holiday",
                                1,
                                null,
                                null,
                                true,
                                List.of(new Absence(START.minusSeconds(60), Instant.parse("2026-03-09T00:00:00Z")))),
                        new TeamMember("paused", 0, null, null, true, List.of()),
                        TeamMember.of("ann", 1),
                        TeamMember.of("bob", 1)));

        Assignment a = distributor.decide(team, List.of(), START);

        assertThat(a.repId()).isEqualTo("ann");
        assertThat(a.candidates())
                .extracting(CandidateReport::repId, CandidateReport::verdict, CandidateReport::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("gone", Verdict.SKIPPED, "deactivated"),
                        org.assertj.core.groups.Tuple.tuple(
                                "holiday", Verdict.SKIPPED, "out of office until 2026-03-09T00:00:00Z"),
                        org.assertj.core.groups.Tuple.tuple("paused", Verdict.SKIPPED, "weight 0: takes no new leads"),
                        org.assertj.core.groups.Tuple.tuple(
                                "ann",
                                Verdict.CHOSEN,
                                "highest credit 1 after adding weight 1; gives back the available weight 2"),
                        org.assertj.core.groups.Tuple.tuple(
                                "bob",
                                Verdict.PASSED_OVER,
                                "credit 1, tied with the winner, who comes first in the team"));
        assertThat(a.reason()).isEqualTo("weighted round robin among 2 available of 5 reps: ann had the most credit");
    }

    @Test
    void sameStateAndTimeGiveTheSameRep() {
        Team team = new Team("sales", BERLIN, List.of(TeamMember.of("a", 2), TeamMember.of("b", 3)));
        List<RepState> states = distributor.decide(team, List.of(), START).states();

        assertThat(distributor.decide(team, states, START).repId())
                .isEqualTo(distributor.decide(team, states, START).repId());
    }

    @Test
    void emptyTeamAssignsNobody() {
        Assignment a = distributor.decide(new Team("ghost", BERLIN, List.of()), List.of(), START);

        assertThat(a.assigned()).isFalse();
        assertThat(a.reason()).isEqualTo("the team has no members");
    }

    @ParameterizedTest(name = "daily cap {0}")
    @ValueSource(ints = {7, 1000})
    void fiftyLeadsRoutedConcurrentlyNeverBreakCaps(int cap) throws Exception {
        List<TeamMember> members = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            members.add(new TeamMember("rep-" + r, 1, cap, null, true, List.of()));
        }
        Team team = new Team("sales", BERLIN, members);
        InMemoryDistributionState state = new InMemoryDistributionState();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        Map<String, Integer> perRep = new ConcurrentHashMap<>();
        List<Future<Assignment>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Instant t = START.plusSeconds(i);
                futures.add(pool.submit(() -> {
                    go.await();
                    return distributor.assign(team, t, state);
                }));
            }
            go.countDown();
            int unassigned = 0;
            for (Future<Assignment> f : futures) {
                Assignment a = f.get();
                if (a.assigned()) {
                    perRep.merge(a.repId(), 1, Integer::sum);
                } else {
                    unassigned++;
                }
            }
            int expectedEach = Math.min(cap, 10);
            assertThat(perRep).hasSize(5);
            assertThat(perRep.values()).allSatisfy(n -> assertThat(n).isEqualTo(expectedEach));
            assertThat(unassigned).isEqualTo(50 - 5 * expectedEach);
            assertThat(state.states("sales"))
                    .allSatisfy(s -> assertThat(s.assignedOnDay()).isEqualTo(expectedEach));
        } finally {
            pool.shutdownNow();
        }
    }
}
