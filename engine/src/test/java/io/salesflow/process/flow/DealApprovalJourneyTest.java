package io.salesflow.process.flow;

import static io.salesflow.support.ApiAssertions.assertField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.SalesPipeline;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deal approval on PostgreSQL with the real beans and the shipped decision table: a rep moves a deal into
 * Negotiation (the default pipeline's approval stage) and approvers work it through /api/v1/approvals.
 */
@IntegrationTest
class DealApprovalJourneyTest {

    private static final String REP = "rep@acme.test";
    private static final String MANAGER = "manager@acme.test";
    private static final String ADMIN = "admin@acme.test";

    @Autowired
    Api api;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Test
    void aLargeDealNeedsTwoApprovalsOneEscalatedAndOneDelegated() {
        String deal = dealInNegotiation("Umbrella rollout", 300_000, 0);

        JsonNode first = awaitApproval(MANAGER, deal);
        assertThat(first.get("level").asInt()).isEqualTo(1);
        assertThat(first.get("approverRole").asText()).isEqualTo("manager");
        assertThat(first.get("why").asText()).isEqualTo("Deal of 50,000 or more");
        assertThat(first.get("amount").asDouble()).isEqualTo(300_000);
        assertThat(first.get("dealName").asText()).isEqualTo("Umbrella rollout");
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey("deal:" + deal)
                .processDefinitionKey("deal-approval")
                .singleResult()
                .getId();
        ObjectValue rules = runtime.getVariableTyped(instance, "approvalRules", false);
        assertThat(rules.getSerializationDataFormat())
                .as("the decision's results are stored as JSON, never as a serialised Java object")
                .isEqualTo("application/json");

        fire(first.get("taskId").asText());
        JsonNode escalated = awaitApproval(ADMIN, deal);
        assertThat(escalated.get("taskId").asText())
                .isEqualTo(first.get("taskId").asText());
        assertThat(escalated.get("assignee").isNull()).isTrue();
        decide(ADMIN, escalated, "approve", null).expect(204);

        JsonNode second = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> approvalOf(ADMIN, deal),
                        a -> a != null && a.get("level").asInt() == 2);
        assertThat(second.get("approverRole").asText()).isEqualTo("org_admin");
        api.as("acme", ADMIN, "POST", "/api/v1/tasks/" + second.get("taskId").asText() + "/claim")
                .send()
                .expect(200);
        api.as("acme", ADMIN, "POST", "/api/v1/tasks/" + second.get("taskId").asText() + "/delegate")
                .json(Map.of("userId", userId(MANAGER)))
                .send()
                .expect(200);
        JsonNode delegated = awaitApproval(MANAGER, deal);
        decide(MANAGER, delegated, "approve", "Fine by the head of sales").expect(204);

        JsonNode approvals = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> get(REP, "/api/v1/deals/" + deal + "/approvals").get(0),
                        a -> a.get("status").asText().equals("APPROVED"));
        List<String> decisions = StreamSupport.stream(approvals.get("decisions").spliterator(), false)
                .map(d -> d.get("level").asInt() + ":" + d.get("approverId").asText() + ":"
                        + d.get("decision").asText())
                .toList();
        assertThat(decisions).containsExactly("1:" + userId(ADMIN) + ":APPROVE", "2:" + userId(MANAGER) + ":APPROVE");
        assertThat(approvals.get("decisions").get(1).get("rule").asText())
                .isEqualTo("Deal of 250,000 or more: head of sales");
        assertThat(get(ADMIN, "/api/v1/audit-log?resourceType=deal&resourceId=" + deal)
                        .get("items")
                        .findValuesAsText("action"))
                .contains("deal.approval_escalated", "deal.approval_decision", "deal.approved");
    }

    @Test
    void aRejectionNeedsAReasonAndReturnsTheDealWithATaskForTheRep() {
        String deal = dealInNegotiation("Discounted", 20_000, 15);
        JsonNode approval = awaitApproval(MANAGER, deal);
        assertThat(approval.get("why").asText()).isEqualTo("Discount over 10%");

        assertField(decide(MANAGER, approval, "reject", " "), "reason");
        assertThat(get(REP, "/api/v1/deals/" + deal).get("approvalStatus").asText())
                .isEqualTo("PENDING");

        decide(MANAGER, approval, "reject", "Discount too deep for this account")
                .expect(204);

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> get(REP, "/api/v1/deals/" + deal + "/approvals").get(0),
                        a -> a.get("status").asText().equals("REJECTED"));
        JsonNode returned = get(REP, "/api/v1/deals/" + deal);
        assertThat(returned.get("stageId").asText()).isEqualTo(sales().stage("Proposal"));
        assertThat(returned.get("approvalStatus").isNull())
                .as("the approval governs from its stage on; the deal is back before it")
                .isTrue();
        JsonNode rework = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> StreamSupport.stream(
                                        get(REP, "/api/v1/tasks?recordType=deal&recordId=" + deal)
                                                .get("items")
                                                .spliterator(),
                                        false)
                                .filter(t -> t.get("activityId").asText().equals("UserTask_Rework"))
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
        assertThat(rework.get("name").asText()).isEqualTo("Rework Discounted after rejection");
        assertThat(get(REP, "/api/v1/deals/" + deal + "/approvals")
                        .get(0)
                        .get("reason")
                        .asText())
                .isEqualTo("Discount too deep for this account");
    }

    @Test
    void aSmallDealAtListPriceIsApprovedByTheTableAndMovesOn() {
        String deal = dealInNegotiation("Small one", 5_000, 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> get(REP, "/api/v1/deals/" + deal)
                .get("approvalStatus")
                .asText()
                .equals("APPROVED"));
        api.as("acme", REP, "PATCH", "/api/v1/deals/" + deal)
                .json(Map.of("stageId", sales().stage("Closed won"), "wonReasonId", sales().wonReason()))
                .send()
                .expect(200);
    }

    private String dealInNegotiation(String name, int amount, int discount) {
        String id = api.as("acme", REP, "POST", "/api/v1/deals")
                .json(Map.of(
                        "name",
                        name,
                        "amount",
                        amount,
                        "currency",
                        "EUR",
                        "discountPercent",
                        discount,
                        "marginPercent",
                        35,
                        "region",
                        "EMEA",
                        "stageId",
                        sales().stage("Proposal")))
                .send()
                .expect(201)
                .json()
                .get("id")
                .asText();
        api.as("acme", REP, "PATCH", "/api/v1/deals/" + id)
                .json(Map.of("stageId", sales().stage("Negotiation")))
                .send()
                .expect(200);
        return id;
    }

    private SalesPipeline sales() {
        return new SalesPipeline(api, "acme", REP);
    }

    private JsonNode approvalOf(String email, String deal) {
        for (JsonNode a : get(email, "/api/v1/approvals").get("items")) {
            if (a.get("dealId").asText().equals(deal)) {
                return a;
            }
        }
        return null;
    }

    private JsonNode awaitApproval(String email, String deal) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> approvalOf(email, deal), a -> a != null);
    }

    private Api.Response decide(String email, JsonNode approval, String decision, String reason) {
        return api.as(
                        "acme",
                        email,
                        "POST",
                        "/api/v1/approvals/" + approval.get("taskId").asText() + "/" + decision)
                .json(reason == null ? Map.of() : Map.of("reason", reason))
                .send();
    }

    private void fire(String taskId) {
        String instance =
                get(MANAGER, "/api/v1/tasks/" + taskId).get("processInstanceId").asText();
        Job timer = management
                .createJobQuery()
                .processInstanceId(instance)
                .activityId("Timer_ApprovalSla")
                .singleResult();
        management.executeJob(timer.getId());
    }

    private String userId(String email) {
        for (JsonNode user : get(ADMIN, "/api/v1/users?limit=200").get("items")) {
            if (user.get("email").asText().equals(email)) {
                return user.get("id").asText();
            }
        }
        throw new AssertionError("no user " + email);
    }

    private JsonNode get(String email, String path) {
        return api.as("acme", email, "GET", path).send().expect(200).json();
    }
}
