package io.salesflow.process.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.Multipart;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/** What the process administration tests share: deploying as ops, and reading every page of a list. */
final class AdminProcesses {

    static final String OPS = "ops@acme.test";
    static final String REP = "rep@acme.test";
    static final String GLOBEX_ADMIN = "admin@globex.test";

    private AdminProcesses() {}

    static String uniqueKey(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Deploys the model for acme as ops and answers the id of the process definition it made. */
    static String deploy(Api api, String key, BpmnModelInstance model) {
        String xml = Bpmn.convertToString(model);
        JsonNode deployed = api.as("acme", OPS, "POST", "/api/v1/deployments")
                .multipart(new Multipart()
                        .file("file", key + ".bpmn", "application/xml", xml.getBytes(StandardCharsets.UTF_8)))
                .send()
                .expect(201)
                .json();
        return deployed.get("definitions").get(0).get("id").asText();
    }

    /** Every item of a paged list, following nextCursor. */
    static List<JsonNode> all(Api api, String tenant, String user, String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String separator = path.contains("?") ? "&" : "?";
            JsonNode page = api.as(
                            tenant,
                            user,
                            "GET",
                            path + separator + "limit=200" + (cursor == null ? "" : "&cursor=" + cursor))
                    .send()
                    .expect(200)
                    .json();
            page.get("items").forEach(items::add);
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
        } while (cursor != null);
        return items;
    }
}
