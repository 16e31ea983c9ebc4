package io.salesflow.activity;

import io.salesflow.support.Api;
import java.util.Map;

/** Records that activities and notes link to, made through the API by an acme user. */
final class Linkables {

    private final Api api;

    Linkables(Api api) {
        this.api = api;
    }

    String account(String email, String name) {
        return create(email, "/api/v1/accounts", Map.of("name", name));
    }

    String lead(String email, String lastName) {
        return create(email, "/api/v1/leads", Map.of("lastName", lastName, "source", "api"));
    }

    String contact(String email, String lastName) {
        return create(email, "/api/v1/contacts", Map.of("lastName", lastName));
    }

    String deal(String email, String name) {
        return create(email, "/api/v1/deals", Map.of("name", name, "amount", 1000, "currency", "EUR"));
    }

    String userId(String tenant, String email) {
        return api.as(tenant, email, "GET", "/api/v1/me")
                .send()
                .json()
                .get("id")
                .asText();
    }

    private String create(String email, String collection, Map<String, Object> body) {
        return api.as("acme", email, "POST", collection)
                .json(body)
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
    }
}
