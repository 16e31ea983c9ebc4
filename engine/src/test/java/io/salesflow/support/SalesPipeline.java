package io.salesflow.support;

import com.fasterxml.jackson.databind.JsonNode;

/** The demo workspace's default "Sales" pipeline as a user of it reads it: its stages by name, a reason to win. */
public record SalesPipeline(Api api, String tenant, String email) {

    public JsonNode pipeline() {
        for (JsonNode p : get("/api/v1/pipelines")) {
            if (p.get("name").asText().equals("Sales")) {
                return p;
            }
        }
        throw new AssertionError("no Sales pipeline");
    }

    /** The id of the stage called {@code name}. */
    public String stage(String name) {
        for (JsonNode s : pipeline().get("stages")) {
            if (s.get("name").asText().equals(name)) {
                return s.get("id").asText();
            }
        }
        throw new AssertionError("no stage " + name);
    }

    /** The id of the first reason a deal is won for. */
    public String wonReason() {
        return get("/api/v1/deal-reasons?kind=WON").get(0).get("id").asText();
    }

    private JsonNode get(String path) {
        return api.as(tenant, email, "GET", path).send().expect(200).json();
    }
}
