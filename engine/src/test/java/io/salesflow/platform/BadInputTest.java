package io.salesflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Each kind of bad request gets its own 4xx problem response, never a 500 and never a generic error page. */
@IntegrationTest
class BadInputTest {

    @Autowired
    Api api;

    @Value("${salesflow.auth.jwt-secret}")
    String jwtSecret;

    @Test
    void malformedJsonIs400MalformedBody() {
        Api.Response r = api.as("acme", "admin@acme.test", "POST", "/api/v1/teams")
                .body("{\"name\": \"West\",", "application/json")
                .send();
        assertProblem(r, 400, "malformed-body");
    }

    @Test
    void aWrongContentTypeIs415() {
        Api.Response r = api.as("acme", "admin@acme.test", "POST", "/api/v1/teams")
                .body("name=West", "application/x-www-form-urlencoded")
                .send();
        assertProblem(r, 415, "unsupported-media-type");
    }

    @Test
    void anOversizedBodyIs413() {
        String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\", \"memberIds\": []}";
        Api.Response r = api.as("acme", "admin@acme.test", "POST", "/api/v1/teams")
                .body(huge, "application/json")
                .send();
        assertProblem(r, 413, "payload-too-large");
    }

    @Test
    void anOversizedBodyToTheEngineApiIs413Too() {
        String huge = "{\"messageName\": \"" + "x".repeat(10_600_000) + "\"}";
        Api.Response r = api.asOperator("POST", "/engine-rest/message")
                .body(huge, "application/json")
                .send();
        assertProblem(r, 413, "payload-too-large");
    }

    @Test
    void anUnknownFieldIsRejectedByName() {
        Api.Response r = api.as("acme", "admin@acme.test", "POST", "/api/v1/teams")
                .json(Map.of("name", "West", "memberIds", java.util.List.of(), "colour", "blue"))
                .send();
        assertProblem(r, 400, "validation");
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("colour");
    }

    @Test
    void validationErrorsListEachFieldWithItsMessage() {
        Api.Response r = api.as("acme", "admin@acme.test", "POST", "/api/v1/users")
                .json(Map.of("email", "not-an-email", "displayName", "", "password", "x", "roles", java.util.List.of()))
                .send();
        assertProblem(r, 400, "validation");
        JsonNode errors = r.json().get("errors");
        assertThat(errors).extracting(e -> e.get("field").asText()).contains("email", "displayName", "roles");
        assertThat(errors).allSatisfy(e -> assertThat(e.get("message").asText()).isNotBlank());
    }

    @Test
    void aMissingTokenIs401() {
        assertProblem(api.get("/api/v1/me").send(), 401, "unauthenticated");
    }

    @Test
    void anExpiredTokenIs401TokenExpired() {
        String token = sign(jwtSecret, claims(Instant.now().minusSeconds(60)));
        assertProblem(api.get("/api/v1/me").bearer(token).send(), 401, "token-expired");
    }

    @Test
    void aForgedTokenIs401() {
        String token = sign(
                "another-secret-that-is-also-32-bytes-long",
                claims(Instant.now().plusSeconds(600)));
        assertProblem(api.get("/api/v1/me").bearer(token).send(), 401, "invalid-token");
        assertProblem(api.get("/api/v1/me").bearer("not.a.jwt").send(), 401, "invalid-token");
    }

    @Test
    void aTokenWhoseSignatureAlgorithmIsNoneIsRefused() {
        String real = api.token("acme", "rep@acme.test");
        String[] parts = real.split("\\.");
        String none = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        assertProblem(api.get("/api/v1/me").bearer(none + "." + parts[1] + ".").send(), 401, "invalid-token");
    }

    @Test
    void aTokenNamingAnotherTenantThanItsUserIs401() {
        JsonNode me =
                api.as("acme", "rep@acme.test", "GET", "/api/v1/me").send().json();
        String globexTenant = tenantIdOf(api.token("globex", "rep@globex.test"));
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(Instant.now().plusSeconds(600)))
                .subject(me.get("id").asText())
                .claim("tid", globexTenant)
                .claim("tenant", "globex")
                .build();
        assertProblem(api.get("/api/v1/me").bearer(sign(jwtSecret, claims)).send(), 401, "invalid-token");
    }

    @Test
    void aTokenSentForAnotherWorkspaceIs403WrongTenant() {
        Api.Response r = api.as("acme", "rep@acme.test", "GET", "/api/v1/me")
                .header("X-Tenant", "globex")
                .send();
        assertProblem(r, 403, "wrong-tenant");
    }

    @Test
    void everyResponseCarriesARequestIdAndEchoesASaneOne() {
        Api.Response own =
                api.get("/api/v1/me").header("X-Request-Id", "client-req-12345").send();
        assertThat(own.header("X-Request-Id")).contains("client-req-12345");
        assertThat(own.json().get("requestId").asText()).isEqualTo("client-req-12345");
        Api.Response generated =
                api.get("/actuator/health").header("X-Request-Id", "bad id!").send();
        assertThat(generated.header("X-Request-Id").orElseThrow())
                .isNotEqualTo("bad id!")
                .hasSize(36);
    }

    @Test
    void anUnknownPathUnderTheApiIsAProblemToo() {
        assertProblem(
                api.as("acme", "rep@acme.test", "GET", "/api/v1/nothing-here").send(), 404, "not-found");
    }

    @Test
    void aMalformedIdInThePathNamesTheParameter() {
        Api.Response r = api.as("acme", "admin@acme.test", "GET", "/api/v1/users/not-a-uuid")
                .send();
        assertProblem(r, 400, "validation");
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("id");
    }

    @Test
    void aPathTheFirewallRefusesIs400NamingThePath() {
        for (String path :
                java.util.List.of("/api/v1/leads//score", "/api/v1/leads/%2e%2e/score", "/api/v1/leads;x=1/score")) {
            Api.Response r = api.as("acme", "admin@acme.test", "GET", path).send();
            assertProblem(r, 400, "validation");
            assertThat(r.json().get("errors").get(0).get("field").asText())
                    .as(path)
                    .isEqualTo("path");
        }
    }

    private static void assertProblem(Api.Response r, int status, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode problem = r.json();
        assertThat(problem.get("type").asText()).isEqualTo("/problems/" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    private static JWTClaimsSet claims(Instant expiry) {
        return new JWTClaimsSet.Builder()
                .issuer("salesflow")
                .subject(UUID.randomUUID().toString())
                .issueTime(new Date())
                .expirationTime(Date.from(expiry))
                .claim("tid", UUID.randomUUID().toString())
                .claim("tenant", "acme")
                .claim("sid", UUID.randomUUID().toString())
                .build();
    }

    private static String sign(String secret, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tenantIdOf(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("tid");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
