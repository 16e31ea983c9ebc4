package io.salesflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sign-in throttle, attacked: someone who knows an email learns nothing from the answers (status, body,
 * the number of password checks behind them), and cannot keep the account's owner out. Each "machine" is a
 * loopback address of its own; the defaults apply (5 failures per address, 20 per account).
 */
@IntegrationTest
class LoginThrottleTest {

    private static final String WRONG = "not-the-password-1";

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    Users users;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcTemplate jdbc;

    /** What an attempt shows from outside, and the password checks it cost inside. */
    record Seen(int status, JsonNode body, boolean retryAfter, double passwordChecks) {
        void expectStatus(int expected) {
            assertThat(status).as("answer %s", body).isEqualTo(expected);
        }
    }

    @Test
    void unknownKnownAndHeldAccountsAnswerAlikeAndCostTheSamePasswordChecks() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String known = "known-" + run + "@acme.test";
        String unknown = "unknown-" + run + "@acme.test";
        createUser(known);

        Seen knownFirst = attempt(known, WRONG, "127.0.1.1");
        Seen unknownFirst = attempt(unknown, WRONG, "127.0.1.1");
        assertThat(knownFirst.status()).isEqualTo(401);
        assertThat(knownFirst.passwordChecks()).isEqualTo(1);
        assertAlike(knownFirst, unknownFirst);

        // Six guesses from each of four machines, the same for both emails.
        List<Integer> statuses = new ArrayList<>(List.of(knownFirst.status()));
        for (int machine = 11; machine <= 14; machine++) {
            for (int guess = 0; guess < 6; guess++) {
                Seen onKnown = attempt(known, WRONG + guess, "127.0.1." + machine);
                assertAlike(onKnown, attempt(unknown, WRONG + guess, "127.0.1." + machine));
                statuses.add(onKnown.status());
            }
        }
        assertThat(statuses)
                .as("20 checked failures across machines, then every machine that never signed in waits")
                .containsOnly(401, 429)
                .filteredOn(status -> status == 401)
                .hasSize(20);

        Seen knownHeld = attempt(known, WRONG, "127.0.1.21");
        assertThat(knownHeld.status()).isEqualTo(429);
        assertThat(knownHeld.passwordChecks()).isZero();
        assertAlike(knownHeld, attempt(unknown, WRONG, "127.0.1.21"));
        assertAlike(attempt(known, Api.DEMO_PASSWORD, "127.0.1.21"), knownHeld);
    }

    @Test
    void theOwnerSignsInFromTheirOwnMachineWhileAnAttackerHammersTheAccount() {
        String owner = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
        String userId = createUser(owner);
        String ownMachine = "127.0.2.1";
        attempt(owner, Api.DEMO_PASSWORD, ownMachine).expectStatus(200);

        for (int machine = 11; machine <= 15; machine++) {
            for (int guess = 0; guess < 6; guess++) {
                attempt(owner, WRONG + guess, "127.0.2." + machine);
            }
        }
        attempt(owner, Api.DEMO_PASSWORD, "127.0.2.15").expectStatus(429);
        // A machine that never signed in to the account waits, even with the password.
        attempt(owner, Api.DEMO_PASSWORD, "127.0.2.31").expectStatus(429);
        assertThat(userView(userId).get("lockedUntil").isNull()).isFalse();

        attempt(owner, Api.DEMO_PASSWORD, ownMachine).expectStatus(200);

        List<Map<String, Object>> events = inTenant.call(
                "acme",
                () -> jdbc.queryForList(
                        "SELECT event_type, ip_address FROM security_events WHERE email = ? ORDER BY id", owner));
        assertThat(events)
                .filteredOn(e -> e.get("event_type").equals("LOGIN_FAILED"))
                .extracting(e -> e.get("ip_address"))
                .contains("127.0.2.11", "127.0.2.14")
                .doesNotContain(ownMachine);
        assertThat(events).extracting(e -> e.get("event_type")).contains("ACCOUNT_THROTTLED", "LOGIN_THROTTLED");
        assertThat(events.get(events.size() - 1))
                .containsEntry("event_type", "LOGIN_SUCCEEDED")
                .containsEntry("ip_address", ownMachine);

        api.as("acme", "admin@acme.test", "PATCH", "/api/v1/users/" + userId)
                .json(Map.of("status", "ACTIVE"))
                .send()
                .expect(200);
        assertThat(userView(userId).get("lockedUntil").isNull()).isTrue();
        attempt(owner, Api.DEMO_PASSWORD, "127.0.2.31").expectStatus(200);
    }

    private Seen attempt(String email, String password, String machine) {
        double before = passwordChecks();
        Api.Response response = api.post("/api/v1/auth/login")
                .json(Map.of("tenant", "acme", "email", email, "password", password))
                .from(machine)
                .send();
        JsonNode body = response.status() == 200 ? null : response.json();
        return new Seen(response.status(), body, response.header("Retry-After").isPresent(), passwordChecks() - before);
    }

    /** Same status, same problem (but for its request id and, on a 429, the seconds left), same checks. */
    private static void assertAlike(Seen one, Seen other) {
        assertThat(other.status()).isEqualTo(one.status());
        assertThat(withoutVaryingFields(other.body())).isEqualTo(withoutVaryingFields(one.body()));
        assertThat(other.retryAfter()).isEqualTo(one.retryAfter()).isEqualTo(one.status() == 429);
        assertThat(other.passwordChecks()).isEqualTo(one.passwordChecks());
    }

    private static JsonNode withoutVaryingFields(JsonNode body) {
        ObjectNode copy = body.deepCopy();
        copy.remove(List.of("requestId", "retryAfterSeconds"));
        return copy;
    }

    private double passwordChecks() {
        return meters.get(PasswordChecks.METRIC).counter().count();
    }

    private String createUser(String email) {
        return inTenant.call("acme", () -> users.ensure(email, "Throttle Test", Api.DEMO_PASSWORD, List.of("sales_rep"))
                .id()
                .toString());
    }

    private JsonNode userView(String userId) {
        return api.as("acme", "admin@acme.test", "GET", "/api/v1/users/" + userId)
                .send()
                .expect(200)
                .json();
    }
}
