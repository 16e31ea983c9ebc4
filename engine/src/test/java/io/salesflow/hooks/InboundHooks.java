package io.salesflow.hooks;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Configures inbound endpoints in the demo workspace and calls them the way vendors do. */
final class InboundHooks {

    static final String ADMIN = "admin@acme.test";

    private final Api api;

    InboundHooks(Api api) {
        this.api = api;
    }

    static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates an endpoint in acme; the response holds the endpoint and, once, its generated secrets. */
    JsonNode create(Map<String, Object> body) {
        return api.as("acme", ADMIN, "POST", "/api/v1/inbound-webhooks")
                .json(body)
                .send()
                .expect(201)
                .json();
    }

    static Map<String, Object> leadEndpoint(String slug, String scheme, String secret) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("slug", slug);
        body.put("name", "Leads from " + slug);
        body.put("scheme", scheme);
        if (secret != null) {
            body.put("secret", secret);
        }
        body.put("action", "create_lead");
        body.put(
                "lead",
                Map.of(
                        "source",
                        "web_form",
                        "fields",
                        Map.of(
                                "lastName", "/contact/lastName",
                                "company", "/contact/company",
                                "email", "/contact/email",
                                "country", "/address/country",
                                "postalCode", "/address/zip",
                                "region", "/address/region")));
        return body;
    }

    Api.Response standard(String tenant, String slug, String secret, String id, long timestamp, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return api.post("/hooks/" + tenant + "/" + slug)
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", VendorSignatures.standard(secret, id, timestamp, bytes))
                .body(bytes, "application/json")
                .send();
    }

    Api.Response standard(String slug, String secret, String id, String body) {
        return standard("acme", slug, secret, id, Instant.now().getEpochSecond(), body);
    }

    Api.Response twilio(String slug, String token, Map<String, String> params, String idempotencyToken) {
        String url = api.base() + "/hooks/acme/" + slug;
        String form = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Api.Call call = api.post("/hooks/acme/" + slug)
                .header("X-Twilio-Signature", VendorSignatures.twilio(token, url, params))
                .body(form, "application/x-www-form-urlencoded");
        if (idempotencyToken != null) {
            call.header("I-Twilio-Idempotency-Token", idempotencyToken);
        }
        return call.send();
    }

    Api.Response meta(String slug, String appSecret, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return api.post("/hooks/acme/" + slug)
                .header("X-Hub-Signature-256", VendorSignatures.meta(appSecret, bytes))
                .body(bytes, "application/json")
                .send();
    }

    List<JsonNode> events(String endpointId) {
        JsonNode page = api.as("acme", ADMIN, "GET", "/api/v1/inbound-webhooks/" + endpointId + "/events?limit=200")
                .send()
                .expect(200)
                .json();
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    /** The event once the worker is done with it (processed or failed). */
    JsonNode settled(String endpointId, String eventId) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> events(endpointId).stream()
                                .filter(e -> e.get("id").asText().equals(eventId))
                                .findFirst()
                                .orElse(null),
                        e -> e != null && !e.get("status").asText().equals("received"));
    }

    /** The acme security events about webhooks whose detail mentions {@code slug}. */
    List<String> refusals(String slug) {
        JsonNode page = api.as("acme", ADMIN, "GET", "/api/v1/security-events?limit=200")
                .send()
                .expect(200)
                .json();
        List<String> details = new ArrayList<>();
        page.get("items").forEach(e -> {
            if (e.get("eventType").asText().equals("WEBHOOK_REFUSED")
                    && e.get("detail").asText().contains(slug)) {
                details.add(e.get("detail").asText());
            }
        });
        return details;
    }
}
