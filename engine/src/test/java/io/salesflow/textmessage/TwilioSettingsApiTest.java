package io.salesflow.textmessage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class TwilioSettingsApiTest {

    static final String ACCOUNT = "AC" + "7".repeat(32);

    @Autowired
    Api api;

    @Autowired
    InTenant inTenant;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void adminsKeepTheAccountWithAWriteOnlyTokenSealedAtRestAndSeeTheCallbackUrls() {
        assertThat(api.as("globex", "admin@globex.test", "GET", "/api/v1/settings/twilio")
                        .send()
                        .expect(200)
                        .json()
                        .get("inboundUrl")
                        .asText())
                .isEqualTo("https://crm.example.test/hooks/globex/twilio/inbound");

        Api.Response saved = api.as("globex", "admin@globex.test", "PUT", "/api/v1/settings/twilio")
                .json(Map.of(
                        "accountSid",
                        ACCOUNT,
                        "authToken",
                        "s3cretTokenValue0123456789abcdef",
                        "messagingServiceSid",
                        "MG" + "1".repeat(32)))
                .send()
                .expect(200);
        JsonNode view = saved.json();
        assertThat(saved.body()).doesNotContain("s3cretTokenValue");
        assertThat(view.get("configured").asBoolean()).isTrue();
        assertThat(view.get("authTokenSet").asBoolean()).isTrue();
        assertThat(view.has("authToken")).isFalse();
        assertThat(view.get("statusCallbackUrl").asText())
                .isEqualTo("https://crm.example.test/hooks/globex/twilio/status");
        byte[] stored = inTenant.call(
                "globex", () -> jdbc.queryForObject("SELECT auth_token FROM twilio_settings", byte[].class));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("s3cretTokenValue");

        // Left out, the token stays; the ETag guards concurrent changes.
        String etag = saved.header("ETag").orElseThrow();
        api.as("globex", "admin@globex.test", "PUT", "/api/v1/settings/twilio")
                .header("If-Match", etag)
                .json(Map.of("accountSid", ACCOUNT, "fromNumber", "+14155550199"))
                .send()
                .expect(200);
        assertThat(api.as("globex", "admin@globex.test", "PUT", "/api/v1/settings/twilio")
                        .header("If-Match", etag)
                        .json(Map.of("accountSid", ACCOUNT, "fromNumber", "+14155550199"))
                        .send()
                        .status())
                .isEqualTo(412);
        byte[] kept = inTenant.call(
                "globex", () -> jdbc.queryForObject("SELECT auth_token FROM twilio_settings", byte[].class));
        assertThat(kept).isEqualTo(stored);
    }

    @Test
    void badValuesAreProblemsPerFieldAndOnlyAdminsMayTouchTheSettings() {
        Api.Response bad = api.as("acme", "admin@acme.test", "PUT", "/api/v1/settings/twilio")
                .json(Map.of(
                        "accountSid", "SK123",
                        "authToken", "short",
                        "fromNumber", "0151 123",
                        "messagingServiceSid", "MGxyz",
                        "whatsappFrom", "+14155550100",
                        "webhook", "x"))
                .send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsText("field"))
                .contains("accountSid", "authToken", "fromNumber", "messagingServiceSid", "whatsappFrom", "webhook");
        Api.Response noSender = api.as("acme", "admin@acme.test", "PUT", "/api/v1/settings/twilio")
                .json(Map.of("accountSid", ACCOUNT, "authToken", "s3cretTokenValue0123456789abcdef"))
                .send();
        assertThat(noSender.status()).isEqualTo(400);
        assertThat(noSender.json().get("errors").findValuesAsText("field")).contains("fromNumber");

        assertThat(api.as("acme", "rep@acme.test", "GET", "/api/v1/settings/twilio")
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.as("acme", "manager@acme.test", "PUT", "/api/v1/settings/twilio")
                        .json(Map.of("accountSid", ACCOUNT))
                        .send()
                        .status())
                .isEqualTo(403);
    }
}
