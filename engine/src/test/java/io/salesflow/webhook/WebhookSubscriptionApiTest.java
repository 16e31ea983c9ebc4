package io.salesflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The subscription API: admins only, the secret shown once and sealed at rest, bad input answered field by field
 * (the SSRF guard among it), and one workspace never sees another's subscriptions or deliveries.
 */
@IntegrationTest
class WebhookSubscriptionApiTest {

    private static final String ADMIN = "admin@acme.test";
    private static final String PATH = "/api/v1/webhook-subscriptions";

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    private static Map<String, Object> body(String url, List<String> types) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("eventTypes", types);
        return body;
    }

    private Api.Response create(String tenant, String email, Map<String, Object> body) {
        return api.as(tenant, email, "POST", PATH).json(body).send();
    }

    private static List<String> fields(Api.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void theSecretIsShownOnceAndSealedAtRest() {
        JsonNode created = create(
                        "acme", ADMIN, body("https://93.184.216.34/hooks", List.of("lead.created", "deal.won")))
                .expect(201)
                .json();
        String id = created.get("subscription").get("id").asText();
        String secret = created.get("secret").asText();
        try {
            assertThat(secret).startsWith("whsec_");
            assertThat(created.get("subscription").get("eventTypes"))
                    .extracting(JsonNode::asText)
                    .containsExactly("lead.created", "deal.won");
            assertThat(created.get("subscription").get("enabled").asBoolean()).isTrue();

            Api.Response read =
                    api.as("acme", ADMIN, "GET", PATH + "/" + id).send().expect(200);
            assertThat(read.body()).doesNotContain(secret.substring(6)).doesNotContain("secret\"");
            Api.Response listed = api.as("acme", ADMIN, "GET", PATH).send().expect(200);
            assertThat(listed.body()).contains(id).doesNotContain(secret.substring(6));

            byte[] sealed = inTenant.call(
                    "acme",
                    () -> jdbc.queryForObject(
                            "SELECT secret_sealed FROM webhook_subscriptions WHERE id = ?::uuid", byte[].class, id));
            assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain(secret.substring(6));
        } finally {
            api.as("acme", ADMIN, "DELETE", PATH + "/" + id).send().expect(204);
        }
        api.as("acme", ADMIN, "GET", PATH + "/" + id).send().expect(404);
    }

    @Test
    void theEventTypesOnOfferAreTheDomainEvents() {
        JsonNode types = api.as("acme", ADMIN, "GET", PATH + "/event-types")
                .send()
                .expect(200)
                .json();
        List<String> names = new ArrayList<>();
        types.forEach(t -> names.add(t.get("type").asText()));
        assertThat(names)
                .contains(
                        "lead.created",
                        "lead.status_changed",
                        "lead.assigned",
                        "deal.stage_changed",
                        "deal.won",
                        "deal.lost",
                        "contact.created");
    }

    @Test
    void badInputIsAnsweredFieldByField() {
        Integer before = inTenant.call(
                "acme", () -> jdbc.queryForObject("SELECT count(*) FROM webhook_subscriptions", Integer.class));
        Api.Response notAUrl = create("acme", ADMIN, body("not a url", List.of("lead.created")));
        assertThat(notAUrl.status()).isEqualTo(400);
        assertThat(notAUrl.contentType()).startsWith("application/problem+json");
        assertThat(fields(notAUrl)).containsExactly("url");

        for (String internal : List.of(
                "https://169.254.169.254/latest/meta-data/",
                "https://10.0.0.5/hook",
                "https://192.168.1.1/hook",
                "https://[::1]/hook",
                "https://[fc00::1]/hook",
                "https://2852039166/hook",
                "https://0xa9.0xfe.0xa9.0xfe/hook",
                "https://[::ffff:169.254.169.254]/hook")) {
            Api.Response refused = create("acme", ADMIN, body(internal, List.of("lead.created")));
            assertThat(refused.status()).as(internal).isEqualTo(400);
            assertThat(fields(refused)).as(internal).containsExactly("url");
        }
        Api.Response plainHttp = create("acme", ADMIN, body("http://93.184.216.34/hook", List.of("lead.created")));
        assertThat(fields(plainHttp)).containsExactly("url");
        assertThat(plainHttp.json().get("errors").get(0).get("message").asText())
                .contains("https");

        Api.Response unknownType =
                create("acme", ADMIN, body("https://93.184.216.34/hook", List.of("lead.created", "lead.eaten")));
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(fields(unknownType)).containsExactly("eventTypes[1]");

        Api.Response noTypes = create("acme", ADMIN, body("https://93.184.216.34/hook", List.of()));
        assertThat(noTypes.status()).isEqualTo(400);
        assertThat(fields(noTypes)).containsExactly("eventTypes");

        Map<String, Object> longDescription = body("https://93.184.216.34/hook", List.of("lead.created"));
        longDescription.put("description", "x".repeat(501));
        Api.Response tooLong = create("acme", ADMIN, longDescription);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(fields(tooLong)).containsExactly("description");

        Integer stored = inTenant.call(
                "acme", () -> jdbc.queryForObject("SELECT count(*) FROM webhook_subscriptions", Integer.class));
        assertThat(stored).as("nothing half-written").isEqualTo(before);

        api.as("acme", ADMIN, "GET", PATH + "/" + UUID.randomUUID() + "/deliveries?limit=0")
                .send()
                .expect(400);
        api.as("acme", ADMIN, "GET", PATH + "/" + UUID.randomUUID() + "/deliveries?cursor=%21%21")
                .send()
                .expect(400);
    }

    @Test
    void onlyAdminsManageWebhooks() {
        create("acme", "rep@acme.test", body("https://93.184.216.34/hook", List.of("lead.created")))
                .expect(403);
        api.as("acme", "manager@acme.test", "GET", PATH).send().expect(403);
    }

    @Test
    void oneWorkspaceNeverSeesAnothersSubscriptionsOrDeliveries() {
        JsonNode created = create("acme", ADMIN, body("https://93.184.216.34/hooks", List.of("lead.created")))
                .expect(201)
                .json();
        String id = created.get("subscription").get("id").asText();
        String deliveryId = UUID.randomUUID().toString();
        try {
            inTenant.run(
                    "acme",
                    () -> jdbc.update(
                            "INSERT INTO webhook_deliveries (id, subscription_id, event_type, webhook_id, payload,"
                                    + " status) VALUES (?::uuid, ?::uuid, 'lead.created', 'msg_x', '{}', 'FAILED')",
                            deliveryId,
                            id));
            String globex = "admin@globex.test";
            assertThat(api.as("globex", globex, "GET", PATH).send().expect(200).body())
                    .doesNotContain(id);
            api.as("globex", globex, "GET", PATH + "/" + id).send().expect(404);
            api.as("globex", globex, "GET", PATH + "/" + id + "/deliveries")
                    .send()
                    .expect(404);
            api.as("globex", globex, "POST", PATH + "/" + id + "/rotate-secret")
                    .send()
                    .expect(404);
            api.as("globex", globex, "PUT", PATH + "/" + id)
                    .json(body("https://93.184.216.34/evil", List.of("lead.created")))
                    .send()
                    .expect(404);
            api.as("globex", globex, "DELETE", PATH + "/" + id).send().expect(404);
            api.as("globex", globex, "GET", "/api/v1/webhook-deliveries/" + deliveryId)
                    .send()
                    .expect(404);
            api.as("globex", globex, "POST", "/api/v1/webhook-deliveries/" + deliveryId + "/redeliver")
                    .send()
                    .expect(404);

            JsonNode own = api.as("acme", ADMIN, "GET", PATH + "/" + id + "/deliveries")
                    .send()
                    .expect(200)
                    .json();
            assertThat(own.get("items")).hasSize(1);
            assertThat(api.as("acme", ADMIN, "GET", PATH + "/" + id)
                            .send()
                            .json()
                            .get("url")
                            .asText())
                    .isEqualTo("https://93.184.216.34/hooks");
        } finally {
            api.as("acme", ADMIN, "DELETE", PATH + "/" + id).send().expect(204);
        }
    }
}
