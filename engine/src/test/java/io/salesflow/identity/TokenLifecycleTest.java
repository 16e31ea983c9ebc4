package io.salesflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Refresh rotates, a reused refresh token revokes its whole session, logout ends the session at once. */
@IntegrationTest
class TokenLifecycleTest {

    @Autowired
    Api api;

    @Test
    void refreshRotatesTheRefreshToken() {
        JsonNode first = api.login("acme", "rep2@acme.test", Api.DEMO_PASSWORD)
                .expect(200)
                .json();
        JsonNode second =
                refresh(first.get("refreshToken").asText()).expect(200).json();
        assertThat(second.get("refreshToken").asText())
                .isNotEqualTo(first.get("refreshToken").asText());
        assertThat(second.get("accessToken").asText())
                .isNotEqualTo(first.get("accessToken").asText());
        api.get("/api/v1/me").bearer(second.get("accessToken").asText()).send().expect(200);
        refresh(second.get("refreshToken").asText()).expect(200);
    }

    @Test
    void presentingAnAlreadyRotatedRefreshTokenRevokesTheWholeSession() {
        JsonNode first = api.login("acme", "rep2@acme.test", Api.DEMO_PASSWORD)
                .expect(200)
                .json();
        JsonNode second =
                refresh(first.get("refreshToken").asText()).expect(200).json();

        Api.Response reuse = refresh(first.get("refreshToken").asText()).expect(401);
        assertThat(reuse.json().get("type").asText()).isEqualTo("/problems/refresh-token-reused");

        assertThat(refresh(second.get("refreshToken").asText()).status())
                .as("the legitimate newer token of the same session dies too")
                .isEqualTo(401);
        Api.Response access = api.get("/api/v1/me")
                .bearer(second.get("accessToken").asText())
                .send()
                .expect(401);
        assertThat(access.json().get("type").asText()).isEqualTo("/problems/session-revoked");
    }

    @Test
    void logoutRevokesTheRefreshTokenAndItsAccessTokens() {
        JsonNode tokens = api.login("acme", "rep2@acme.test", Api.DEMO_PASSWORD)
                .expect(200)
                .json();
        api.post("/api/v1/auth/logout")
                .json(Map.of("refreshToken", tokens.get("refreshToken").asText()))
                .send()
                .expect(204);
        refresh(tokens.get("refreshToken").asText()).expect(401);
        api.get("/api/v1/me").bearer(tokens.get("accessToken").asText()).send().expect(401);
    }

    @Test
    void aMadeUpRefreshTokenIsRefused() {
        Api.Response r =
                refresh("00000000-0000-0000-0000-000000000000.bm90LWEtdG9rZW4").expect(401);
        assertThat(r.json().get("type").asText()).isEqualTo("/problems/invalid-refresh-token");
        refresh("garbage").expect(401);
    }

    private Api.Response refresh(String refreshToken) {
        return api.post("/api/v1/auth/refresh")
                .json(Map.of("refreshToken", refreshToken))
                .send();
    }
}
