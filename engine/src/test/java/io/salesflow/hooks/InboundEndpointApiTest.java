package io.salesflow.hooks;

import static io.salesflow.hooks.InboundHooks.ADMIN;
import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Admins configure inbound endpoints: the mapping is checked field by field when it is saved, the generated secret is
 * shown once and stored sealed, and a rotated secret keeps working during the overlap.
 */
@IntegrationTest
class InboundEndpointApiTest {

    @Autowired
    Api api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InTenant inTenant;

    private InboundHooks hooks() {
        return new InboundHooks(api);
    }

    private Api.Response post(Map<String, Object> body) {
        return api.as("acme", ADMIN, "POST", "/api/v1/inbound-webhooks")
                .json(body)
                .send();
    }

    @Test
    void aStandardEndpointShowsItsSecretOnceAndNeverAgain() {
        String slug = InboundHooks.slug("typeform");
        JsonNode created = hooks().create(InboundHooks.leadEndpoint(slug, "standard", null));

        String secret = created.get("secret").asText();
        assertThat(secret).startsWith("whsec_");
        JsonNode endpoint = created.get("endpoint");
        assertThat(endpoint.get("path").asText()).isEqualTo("/hooks/acme/" + slug);
        assertThat(endpoint.get("lead").get("fields").get("email").asText()).isEqualTo("/contact/email");
        String id = endpoint.get("id").asText();

        String read = api.as("acme", ADMIN, "GET", "/api/v1/inbound-webhooks/" + id)
                .send()
                .expect(200)
                .body();
        String list = api.as("acme", ADMIN, "GET", "/api/v1/inbound-webhooks")
                .send()
                .expect(200)
                .body();
        assertThat(read).doesNotContain(secret).doesNotContain("\"secret\"");
        assertThat(list).contains(slug).doesNotContain(secret);
        byte[] stored = inTenant.call(
                "acme",
                () -> jdbc.queryForObject(
                        "SELECT secret FROM inbound_webhook_endpoints WHERE id = ?::uuid", byte[].class, id));
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(secret.substring(6));
    }

    @Test
    void badConfigurationsAreRefusedFieldByField() {
        Map<String, Object> good = InboundHooks.leadEndpoint(InboundHooks.slug("bad"), "standard", null);

        assertField(post(with(good, "slug", "Not A Slug!")), "slug");
        assertField(post(with(good, "scheme", "hmac-md5")), "scheme");
        assertField(post(with(good, "secret", "mine")), "secret");
        assertField(post(with(good, "name", "")), "name");
        assertField(post(with(good, "action", "delete_everything")), "action");
        assertField(
                post(with(InboundHooks.leadEndpoint(InboundHooks.slug("meta"), "meta", null), "name", "Meta")),
                "secret");
        assertField(
                post(with(good, "lead", Map.of("source", "web_form", "fields", Map.of("score", "/score")))),
                "lead.fields.score");
        assertField(
                post(with(good, "lead", Map.of("source", "web_form", "fields", Map.of("lastName", "email")))),
                "lead.fields.lastName");
        assertField(
                post(with(good, "lead", Map.of("source", "carrier_pigeon", "fields", Map.of("lastName", "/n")))),
                "lead.source");
        assertField(
                post(with(good, "lead", Map.of("source", "web_form", "fields", Map.of("email", "/e")))), "lead.fields");
        Map<String, Object> message = with(good, "action", "correlate_message");
        message.remove("lead");
        assertField(post(message), "message");
        assertField(
                post(with(message, "message", Map.of("messageName", "Paid!", "businessKey", "/id"))),
                "message.messageName");
        assertField(post(with(message, "message", Map.of("messageName", "Paid"))), "message.businessKey");
        assertField(
                post(with(message, "message", Map.of("messageName", "Paid", "businessKey", "/id", "bufferFor", "P1D"))),
                "message.bufferFor");
        assertField(
                post(with(
                        message,
                        "message",
                        Map.of("messageName", "Paid", "businessKey", "/id", "variables", Map.of("1bad", "/x")))),
                "message.variables.1bad");

        post(good).expect(201);
        assertField(post(good), "slug");
    }

    @Test
    void onlyAdminsConfigureEndpoints() {
        api.as("acme", "rep@acme.test", "GET", "/api/v1/inbound-webhooks")
                .send()
                .expect(403);
        api.as("acme", "ops@acme.test", "POST", "/api/v1/inbound-webhooks")
                .json(InboundHooks.leadEndpoint(InboundHooks.slug("ops"), "standard", null))
                .send()
                .expect(403);
        api.get("/api/v1/inbound-webhooks").send().expect(401);
    }

    @Test
    void anotherWorkspaceDoesNotSeeTheEndpoint() {
        String id = hooks().create(InboundHooks.leadEndpoint(InboundHooks.slug("private"), "standard", null))
                .get("endpoint")
                .get("id")
                .asText();
        api.as("globex", "admin@globex.test", "GET", "/api/v1/inbound-webhooks/" + id)
                .send()
                .expect(404);
        api.as("globex", "admin@globex.test", "GET", "/api/v1/inbound-webhooks/" + id + "/events")
                .send()
                .expect(404);
    }

    @Test
    void aRotatedSecretKeepsWorkingDuringTheOverlapAndTheNewOneAtOnce() {
        String slug = InboundHooks.slug("rotate");
        JsonNode created = hooks().create(InboundHooks.leadEndpoint(slug, "standard", null));
        String old = created.get("secret").asText();
        String id = created.get("endpoint").get("id").asText();

        JsonNode rotated = api.as("acme", ADMIN, "POST", "/api/v1/inbound-webhooks/" + id + "/rotate-secret")
                .json(Map.of("overlap", "PT1H"))
                .send()
                .expect(200)
                .json();
        String fresh = rotated.get("secret").asText();
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
        assertThat(Instant.parse(
                        rotated.get("endpoint").get("previousSecretUntil").asText()))
                .isAfter(Instant.now());

        String body = "{\"contact\":{\"lastName\":\"Rotation\"}}";
        hooks().standard(slug, old, "msg_" + UUID.randomUUID(), body).expect(200);
        hooks().standard(slug, fresh, "msg_" + UUID.randomUUID(), body).expect(200);

        api.as("acme", ADMIN, "POST", "/api/v1/inbound-webhooks/" + id + "/rotate-secret")
                .json(Map.of("overlap", "PT0S"))
                .send()
                .expect(200);
        hooks().standard(slug, fresh, "msg_" + UUID.randomUUID(), body).expect(401);
        assertField(
                api.as("acme", ADMIN, "POST", "/api/v1/inbound-webhooks/" + id + "/rotate-secret")
                        .json(Map.of("overlap", "forever"))
                        .send(),
                "overlap");
    }

    @Test
    void theMappingChangesButTheAddressStays() {
        String slug = InboundHooks.slug("change");
        String id = hooks().create(InboundHooks.leadEndpoint(slug, "standard", null))
                .get("endpoint")
                .get("id")
                .asText();
        Map<String, Object> change = InboundHooks.leadEndpoint(slug, "standard", null);
        change.put("name", "Renamed");
        change.put("enabled", false);
        JsonNode changed = api.as("acme", ADMIN, "PUT", "/api/v1/inbound-webhooks/" + id)
                .json(change)
                .send()
                .expect(200)
                .json();
        assertThat(changed.get("name").asText()).isEqualTo("Renamed");
        assertThat(changed.get("enabled").asBoolean()).isFalse();
        assertField(
                api.as("acme", ADMIN, "PUT", "/api/v1/inbound-webhooks/" + id)
                        .json(with(change, "slug", "elsewhere"))
                        .send(),
                "slug");

        api.as("acme", ADMIN, "DELETE", "/api/v1/inbound-webhooks/" + id).send().expect(204);
        api.as("acme", ADMIN, "GET", "/api/v1/inbound-webhooks/" + id).send().expect(404);
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        copy.put(field, value);
        return copy;
    }
}
