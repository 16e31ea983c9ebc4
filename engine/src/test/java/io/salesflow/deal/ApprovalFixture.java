package io.salesflow.deal;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.InTenant;
import io.salesflow.support.RecordEndpoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the approval tests share in the acme workspace: a pipeline of their own whose "Review" stage requires an
 * approval, deals a rep creates in it, and decisions taken the way the approval process takes them (in the tenant,
 * on the process's authority).
 */
final class ApprovalFixture {

    static final String REP = "rep@acme.test";

    final Api api;
    final InTenant inTenant;
    final DealApprovals approvals;
    final String pipelineId;
    private final Map<String, String> stages = new HashMap<>();

    ApprovalFixture(Api api, InTenant inTenant, DealApprovals approvals) {
        this.api = api;
        this.inTenant = inTenant;
        this.approvals = approvals;
        Map<String, Object> review = PipelineApiTest.stage(null, "Review", 60, false, false);
        review.put("requiresApproval", true);
        JsonNode pipeline = api.as("acme", "admin@acme.test", "POST", "/api/v1/pipelines")
                .json(Map.of(
                        "name",
                        "Approvals " + UUID.randomUUID().toString().substring(0, 6),
                        "stages",
                        List.of(
                                PipelineApiTest.stage(null, "Draft", 10, false, false),
                                PipelineApiTest.stage(null, "Quote", 40, false, false),
                                review,
                                PipelineApiTest.stage(null, "Contract", 90, false, false),
                                PipelineApiTest.stage(null, "Won", 100, true, true),
                                PipelineApiTest.stage(null, "Lost", 0, true, false))))
                .send()
                .expect(201)
                .json();
        pipelineId = pipeline.get("id").asText();
        pipeline.get("stages")
                .forEach(s -> stages.put(s.get("name").asText(), s.get("id").asText()));
    }

    String stage(String name) {
        return stages.get(name);
    }

    /** A deal of the rep's in {@code stage} of the fixture's pipeline, with {@code fields} on top; its id. */
    String deal(String stage, Map<String, Object> fields) {
        return create(body(stage, fields)).expect(201).json().get("id").asText();
    }

    /**
     * The deal's body: its 15 % discount makes the approval process ask the manager, so an approval stays pending
     * until a test decides it (a deal the decision table lets through is approved by the process at once).
     */
    Map<String, Object> body(String stage, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "name",
                "Approval deal",
                "amount",
                40000,
                "currency",
                "EUR",
                "discountPercent",
                15,
                "pipelineId",
                pipelineId));
        body.put("stageId", stage(stage));
        body.putAll(fields);
        return body;
    }

    Api.Response create(Map<String, Object> body) {
        return deals().create(REP, body);
    }

    Api.Response patch(String id, Map<String, Object> body) {
        return deals().patch(REP, id, body, null);
    }

    Api.Response moveTo(String id, String stage) {
        return patch(id, Map.of("stageId", stage(stage)));
    }

    JsonNode get(String id) {
        return deals().get(REP, id);
    }

    /** The deal's approvals as the API lists them, newest first. */
    JsonNode approvalsOf(String id) {
        return api.as("acme", REP, "GET", "/api/v1/deals/" + id + "/approvals")
                .send()
                .expect(200)
                .json();
    }

    UUID approvalId(String dealId) {
        return UUID.fromString(get(dealId).get("approvalId").asText());
    }

    UUID userId(String email) {
        return UUID.fromString(api.as("acme", email, "GET", "/api/v1/me")
                .send()
                .expect(200)
                .json()
                .get("id")
                .asText());
    }

    String reason(String kind) {
        return api.as("acme", REP, "GET", "/api/v1/deal-reasons?kind=" + kind)
                .send()
                .expect(200)
                .json()
                .get(0)
                .get("id")
                .asText();
    }

    /** Runs {@code work} as the approval process does: in acme's tenant and a transaction, with no user signed in. */
    <T> T asProcess(Supplier<T> work) {
        return inTenant.call("acme", work);
    }

    private RecordEndpoint deals() {
        return new RecordEndpoint(api, "/api/v1/deals");
    }
}
