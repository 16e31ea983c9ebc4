package io.salesflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A person changes their own password with {@code PUT /api/v1/me/password}: only with the current one, guesses
 * throttled like sign-in, and every other session (a phone left signed in, a stolen token) ends while the one that
 * made the change stays.
 */
@IntegrationTest
class PasswordChangeTest {

    private static final String FIRST = "A-long-passphrase-9";
    private static final String SECOND = "Another-long-passphrase-7";

    @Autowired
    Api api;

    @Autowired
    AuthProperties properties;

    @Test
    void theChangeEndsEveryOtherSessionAndKeepsThisOne() {
        String email = newUser();
        JsonNode here = api.login("acme", email, FIRST).expect(200).json();
        JsonNode phone = api.login("acme", email, FIRST).expect(200).json();

        change(here, FIRST, SECOND).expect(204);

        api.get("/api/v1/me").bearer(access(here)).send().expect(200);
        refresh(here).expect(200);
        Api.Response revoked =
                api.get("/api/v1/me").bearer(access(phone)).send().expect(401);
        assertThat(revoked.json().get("type").asText()).isEqualTo("/problems/session-revoked");
        refresh(phone).expect(401);
        api.login("acme", email, FIRST).expect(401);
        api.login("acme", email, SECOND).expect(200);
        assertThat(securityEvents(here)).contains("PASSWORD_CHANGED");
    }

    @Test
    void aWrongCurrentPasswordIsRefusedOnItsFieldChangesNothingAndIsASecurityEvent() {
        String email = newUser();
        JsonNode here = api.login("acme", email, FIRST).expect(200).json();

        Api.Response wrong = change(here, "not-my-password", SECOND).expect(400);

        assertThat(wrong.json().get("errors").get(0).get("field").asText()).isEqualTo("currentPassword");
        api.login("acme", email, FIRST).expect(200);
        api.login("acme", email, SECOND).expect(401);
        assertThat(securityEvents(here)).contains("PASSWORD_CHANGE_FAILED");
    }

    @Test
    void aWeakOrUnchangedNewPasswordIsRefusedOnItsField() {
        String email = newUser();
        JsonNode here = api.login("acme", email, FIRST).expect(200).json();

        for (String bad : List.of("short", email, FIRST)) {
            Api.Response weak = change(here, FIRST, bad).expect(400);
            assertThat(weak.json().get("errors").get(0).get("field").asText()).isEqualTo("newPassword");
        }
        Api.Response missing = api.call("PUT", "/api/v1/me/password")
                .bearer(access(here))
                .json(Map.of("newPassword", SECOND))
                .send()
                .expect(400);
        assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("currentPassword");
        api.login("acme", email, FIRST).expect(200);
    }

    @Test
    void guessingTheCurrentPasswordIsThrottledLikeSignIn() {
        String email = newUser();
        JsonNode here = api.login("acme", email, FIRST).expect(200).json();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i <= properties.failedLoginsBeforeDelay(); i++) {
            statuses.add(change(here, "guess-number-" + i, SECOND).status());
        }
        assertThat(statuses.subList(0, properties.failedLoginsBeforeDelay())).containsOnly(400);
        assertThat(statuses.get(properties.failedLoginsBeforeDelay()))
                .as("the guess after the free ones waits")
                .isEqualTo(429);
        Api.Response right = change(here, FIRST, SECOND);
        assertThat(right.status()).as("even the right password waits its turn").isEqualTo(429);
    }

    @Test
    void anApiKeyHasNoPasswordToChange() {
        String key = api.as("acme", "admin@acme.test", "POST", "/api/v1/api-keys")
                .json(Map.of("name", "Password probe", "scopes", List.of("leads:read")))
                .send()
                .expect(201)
                .json()
                .get("key")
                .asText();
        api.call("PUT", "/api/v1/me/password")
                .bearer(key)
                .json(Map.of("currentPassword", "x", "newPassword", SECOND))
                .send()
                .expect(403);
    }

    private String newUser() {
        String email = "pw-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
        api.as("acme", "admin@acme.test", "POST", "/api/v1/users")
                .json(Map.of(
                        "email", email, "displayName", "Pat Word", "password", FIRST, "roles", List.of("sales_rep")))
                .send()
                .expect(201);
        return email;
    }

    private Api.Response change(JsonNode session, String current, String next) {
        return api.call("PUT", "/api/v1/me/password")
                .bearer(access(session))
                .json(Map.of("currentPassword", current, "newPassword", next))
                .send();
    }

    private Api.Response refresh(JsonNode session) {
        return api.post("/api/v1/auth/refresh")
                .json(Map.of("refreshToken", session.get("refreshToken").asText()))
                .send();
    }

    private static String access(JsonNode session) {
        return session.get("accessToken").asText();
    }

    private List<String> securityEvents(JsonNode session) {
        String userId = api.get("/api/v1/me")
                .bearer(access(session))
                .send()
                .expect(200)
                .json()
                .get("id")
                .asText();
        List<String> types = new ArrayList<>();
        api.as("acme", "admin@acme.test", "GET", "/api/v1/security-events?userId=" + userId)
                .send()
                .expect(200)
                .json()
                .get("items")
                .forEach(e -> types.add(e.path("eventType").asText()));
        return types;
    }
}
