package io.salesflow.identity;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The web app's session: the refresh token only in an HttpOnly, Secure, SameSite=Strict cookie scoped to the session
 * endpoints, the access token only in the answer; every cookie call needs the web app's header; tabs sharing the
 * cookie stay signed in together; signing out ends one session, signing out everywhere ends them all.
 */
@IntegrationTest
class BrowserSessionTest {

    private static final String SESSION = "/api/v1/auth/session";
    private static final String COOKIE = "salesflow_refresh";

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    Users users;

    @Autowired
    JdbcTemplate jdbc;

    /** A user of this test alone: signing out everywhere must not end other tests' sessions. */
    private String email;

    @BeforeEach
    void aUserOfItsOwn() {
        email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
        inTenant.run("acme", () -> users.ensure(email, "Browser User", Api.DEMO_PASSWORD, List.of("sales_rep")));
    }

    @Test
    void signingInSetsTheRefreshTokenOnlyAsAnHttpOnlyStrictCookieAndAnswersTheAccessToken() {
        Api.Response signedIn = signIn().expect(200);

        JsonNode body = signedIn.json();
        assertThat(body.has("refreshToken")).isFalse();
        assertThat(body.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(body.get("expiresAt").asText()).isNotBlank();
        assertThat(signedIn.header("Cache-Control")).contains("no-store");
        Cookie cookie = Cookie.of(signedIn);
        assertThat(cookie.value())
                .isNotBlank()
                .isNotEqualTo(body.get("accessToken").asText());
        assertThat(cookie.attributes())
                .containsEntry("path", "/api/v1/auth/session")
                .containsEntry("max-age", "1209600")
                .containsEntry("samesite", "Strict")
                .containsKeys("httponly", "secure");
        me(body.get("accessToken").asText()).expect(200);
        assertThat(events()).contains("LOGIN_SUCCEEDED");
    }

    @Test
    void aFailedSignInIsTheLoginsProblemAndSetsNoCookie() {
        Api.Response wrong = post(SESSION)
                .json(Map.of("tenant", "acme", "email", email, "password", "not-the-password"))
                .send()
                .expect(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.json().get("type").asText()).isEqualTo("/problems/invalid-credentials");
        assertThat(wrong.allHeaders("Set-Cookie")).isEmpty();
        assertThat(events()).contains("LOGIN_FAILED");

        Api.Response invalid = post(SESSION)
                .json(Map.of("tenant", "acme", "email", "not-an-email", "password", "x"))
                .send()
                .expect(400);
        assertField(invalid, "email");
    }

    @Test
    void aNewTabSignsItselfInWithTheSharedCookieWhichRotates() {
        Cookie first = Cookie.of(signIn().expect(200));

        Api.Response refreshed = refresh(first.value()).expect(200);

        Cookie next = Cookie.of(refreshed);
        assertThat(next.value()).isNotEqualTo(first.value());
        assertThat(next.attributes()).containsKeys("httponly", "secure").containsEntry("samesite", "Strict");
        assertThat(refreshed.json().has("refreshToken")).isFalse();
        assertThat(refreshed.header("Cache-Control")).contains("no-store");
        me(refreshed.json().get("accessToken").asText()).expect(200);
        refresh(next.value()).expect(200);
        assertThat(events()).contains("TOKEN_REFRESHED");
    }

    @Test
    void aCrossSiteRequestCarryingTheCookieButNotTheHeaderIsRefusedAndChangesNothing() {
        Cookie cookie = Cookie.of(signIn().expect(200));

        for (String header : new String[] {null, "0", ""}) {
            Api.Call forged = api.post(SESSION + "/refresh").header("Cookie", COOKIE + "=" + cookie.value());
            if (header != null) {
                forged.header("X-Salesflow-Session", header);
            }
            Api.Response refused = forged.send().expect(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asText()).isEqualTo("/problems/session-header-missing");
            assertThat(refused.allHeaders("Set-Cookie")).isEmpty();
        }
        api.call("DELETE", SESSION)
                .header("Cookie", COOKIE + "=" + cookie.value())
                .send()
                .expect(403);
        api.post(SESSION)
                .json(Map.of("tenant", "acme", "email", email, "password", Api.DEMO_PASSWORD))
                .send()
                .expect(403);

        assertThat(refresh(cookie.value()).status())
                .as("the refused requests neither rotated nor ended the session")
                .isEqualTo(200);
    }

    @Test
    void withoutAUsableCookieRefreshIs401AndClearsTheCookie() {
        List<Api.Response> refused = new ArrayList<>();
        refused.add(post(SESSION + "/refresh").send());
        refused.add(refresh("garbage"));
        refused.add(refresh("00000000-0000-0000-0000-000000000000.bm90LWEtdG9rZW4"));
        for (Api.Response r : refused) {
            r.expect(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
            Cookie cleared = Cookie.of(r);
            assertThat(cleared.value()).isEmpty();
            assertThat(cleared.attributes())
                    .containsEntry("max-age", "0")
                    .containsEntry("path", "/api/v1/auth/session");
        }
        assertThat(refused.get(0).json().get("type").asText()).isEqualTo("/problems/no-session");
    }

    @Test
    void twoTabsRefreshingAtOnceWithTheSameCookieBothStaySignedInUntilTheGraceEnds() throws Exception {
        Cookie shared = Cookie.of(signIn().expect(200));

        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Api.Response>> tabs = new ArrayList<>();
        for (int tab = 0; tab < 2; tab++) {
            tabs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return refresh(shared.value());
            }));
        }
        List<Cookie> successors = new ArrayList<>();
        for (CompletableFuture<Api.Response> tab : tabs) {
            Api.Response answer = tab.get().expect(200);
            me(answer.json().get("accessToken").asText()).expect(200);
            successors.add(Cookie.of(answer));
        }
        assertThat(successors.get(0).value()).isNotEqualTo(successors.get(1).value());
        Api.Response again = refresh(shared.value()).expect(200);
        for (Cookie successor : successors) {
            refresh(successor.value()).expect(200);
        }

        rotatedSecondsAgo(shared.value(), 31);
        Api.Response late = refresh(shared.value()).expect(401);
        assertThat(late.json().get("type").asText()).isEqualTo("/problems/refresh-token-reused");
        assertThat(Cookie.of(late).attributes()).containsEntry("max-age", "0");
        assertThat(refresh(Cookie.of(again).value()).status())
                .as("a copy used after the grace ends the whole session")
                .isEqualTo(401);
        assertThat(events()).contains("REFRESH_TOKEN_REUSED");
    }

    @Test
    void theJsonRefreshOfApiClientsKeepsStrictRotation() {
        JsonNode tokens =
                api.login("acme", email, Api.DEMO_PASSWORD).expect(200).json();
        String refreshToken = tokens.get("refreshToken").asText();
        jsonRefresh(refreshToken).expect(200);
        assertThat(jsonRefresh(refreshToken).json().get("type").asText()).isEqualTo("/problems/refresh-token-reused");
    }

    @Test
    void signingOutEndsTheSessionItsAccessTokensAndClearsTheCookie() {
        Api.Response signedIn = signIn().expect(200);
        Cookie cookie = Cookie.of(signedIn);

        Api.Response out = api.call("DELETE", SESSION)
                .header("X-Salesflow-Session", "1")
                .header("Cookie", COOKIE + "=" + cookie.value())
                .send()
                .expect(204);

        assertThat(Cookie.of(out).attributes()).containsEntry("max-age", "0");
        refresh(cookie.value()).expect(401);
        Api.Response access = me(signedIn.json().get("accessToken").asText()).expect(401);
        assertThat(access.json().get("type").asText()).isEqualTo("/problems/session-revoked");
        assertThat(events()).contains("LOGGED_OUT");
        api.call("DELETE", SESSION).header("X-Salesflow-Session", "1").send().expect(204);
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfTheUserAndNoOneElses() {
        Api.Response laptop = signIn().expect(200);
        Api.Response phone = signIn().expect(200);
        JsonNode script =
                api.login("acme", email, Api.DEMO_PASSWORD).expect(200).json();
        Cookie someoneElse = Cookie.of(signIn("rep2@acme.test").expect(200));

        post("/api/v1/auth/sessions/end-all").send().expect(401);
        Api.Response ended = post("/api/v1/auth/sessions/end-all")
                .bearer(laptop.json().get("accessToken").asText())
                .send()
                .expect(204);

        assertThat(Cookie.of(ended).attributes()).containsEntry("max-age", "0");
        for (Api.Response browser : List.of(laptop, phone)) {
            refresh(Cookie.of(browser).value()).expect(401);
            me(browser.json().get("accessToken").asText()).expect(401);
        }
        me(script.get("accessToken").asText()).expect(401);
        jsonRefresh(script.get("refreshToken").asText()).expect(401);
        assertThat(events()).contains("SIGNED_OUT_EVERYWHERE");
        refresh(someoneElse.value()).expect(200);
    }

    private Api.Response signIn() {
        return signIn(email);
    }

    private Api.Response signIn(String who) {
        return post(SESSION)
                .json(Map.of("tenant", "acme", "email", who, "password", Api.DEMO_PASSWORD))
                .send();
    }

    private Api.Response refresh(String cookie) {
        return post(SESSION + "/refresh")
                .header("Cookie", COOKIE + "=" + cookie)
                .send();
    }

    private Api.Response jsonRefresh(String refreshToken) {
        return api.post("/api/v1/auth/refresh")
                .json(Map.of("refreshToken", refreshToken))
                .send();
    }

    private Api.Call post(String path) {
        return api.post(path).header("X-Salesflow-Session", "1");
    }

    private Api.Response me(String accessToken) {
        return api.get("/api/v1/me").bearer(accessToken).send();
    }

    /** Moves a refresh token's rotation into the past, the way time passing would. */
    private void rotatedSecondsAgo(String refreshToken, int seconds) {
        int moved = inTenant.call(
                "acme",
                () -> jdbc.update(
                        "UPDATE refresh_tokens SET rotated_at = rotated_at - make_interval(secs => ?) WHERE token_hash = ?",
                        seconds,
                        Sessions.hash(refreshToken)));
        assertThat(moved).isEqualTo(1);
    }

    /** The security events of this test's user. */
    private List<String> events() {
        return inTenant.call(
                "acme",
                () -> jdbc.queryForList(
                        "SELECT event_type FROM security_events WHERE email = ? OR user_id = "
                                + "(SELECT id FROM users WHERE email = ?) ORDER BY id",
                        String.class,
                        email,
                        email));
    }

    /** The one Set-Cookie of an answer: its value and attributes (names in lower case). */
    private record Cookie(String value, Map<String, String> attributes) {

        static Cookie of(Api.Response response) {
            List<String> setCookies = response.allHeaders("Set-Cookie");
            assertThat(setCookies).hasSize(1);
            String[] parts = setCookies.get(0).split(";");
            String[] pair = parts[0].trim().split("=", 2);
            assertThat(pair[0]).isEqualTo(COOKIE);
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] attribute = parts[i].trim().split("=", 2);
                attributes.put(attribute[0].toLowerCase(), attribute.length > 1 ? attribute[1] : "");
            }
            return new Cookie(pair[1], attributes);
        }
    }
}
