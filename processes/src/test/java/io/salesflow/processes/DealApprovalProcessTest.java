package io.salesflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every path of deal-approval.bpmn with the real decision table and stand-ins for the engine's approval beans. */
class DealApprovalProcessTest extends ProcessTestSupport {

    private static final Date SLA = Date.from(Instant.parse("2030-01-01T17:00:00Z"));
    private final List<String> calls = new ArrayList<>();

    @BeforeAll
    static void deployApproval() {
        deploy("deal-approval.bpmn", "deal-approval.dmn", "approve-deal.form", "rework-deal.form");
    }

    @AfterAll
    static void pathsCoverTheModel() {
        new FlowNodeCoverage(ProcessTestEngine.get(), "deal-approval").assertAtLeast(0.9);
    }

    @BeforeEach
    void standIns() {
        bean("dealApprovalPlan", execution -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rules = (List<Map<String, Object>>) execution.getVariable("approvalRules");
            List<Integer> levels = rules.stream()
                    .map(r -> ((Number) r.get("level")).intValue())
                    .distinct()
                    .sorted()
                    .toList();
            calls.add("plan:" + levels);
            execution.setVariable("levels", new ArrayList<>(levels));
            execution.setVariable("approvalNeeded", !levels.isEmpty());
            execution.setVariable("approvalSla", "PT8H");
            execution.setVariable("rejected", false);
        });
        bean("dealApprovalLevelApprovers", execution -> {
            int level = ((Number) execution.getVariable("level")).intValue();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rules = (List<Map<String, Object>>) execution.getVariable("approvalRules");
            List<String> roles = rules.stream()
                    .filter(r -> ((Number) r.get("level")).intValue() == level)
                    .map(r -> (String) r.get("approverRole"))
                    .distinct()
                    .toList();
            execution.setVariableLocal("approverRoles", new ArrayList<>(roles));
        });
        bean("dealApprovalAssign", (TaskListener) task -> {
            String role = (String) task.getVariable("approverRole");
            task.setVariableLocal("approverRole", role);
            if (role.equals("manager")) {
                task.setAssignee("manager-1");
            }
            task.addCandidateGroup("acme:" + role);
        });
        bean("dealApprovalRecord", (TaskListener) this::record);
        bean("dealApprovalEscalate", execution -> calls.add("escalate:" + execution.getVariable("approverRole")));
        bean("dealApprovalApprove", execution -> calls.add("approve"));
        bean("dealApprovalReject", execution -> calls.add("reject"));
        bean("businessTime", new BusinessTimeStandIn());
    }

    private void record(DelegateTask task) {
        String decision = (String) task.getVariable("decision");
        calls.add(task.getVariableLocal("approverRole") + ":" + decision);
        if (decision.equals("reject")) {
            task.getExecution().setVariable("rejected", true);
        }
    }

    private ProcessInstance start(double amount, double discount, double margin, String region) {
        Map<String, Object> deal = new HashMap<>();
        String dealId = UUID.randomUUID().toString();
        deal.put("dealId", dealId);
        deal.put("approvalId", UUID.randomUUID().toString());
        deal.put("dealName", "Big Co renewal");
        deal.put("ownerId", "rep-1");
        deal.put("amount", amount);
        deal.put("discountPercent", discount);
        deal.put("marginPercent", margin);
        deal.put("region", region);
        deal.put("pipeline", "Sales");
        return engine.getRuntimeService().startProcessInstanceByKey("deal-approval", dealId, deal);
    }

    private void decide(ProcessInstance instance, String role, String decision) {
        Task task = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey("UserTask_Approve")
                .taskVariableValueEquals("approverRole", role)
                .singleResult();
        assertThat(task).as("approval task for %s", role).isNotNull();
        engine.getTaskService().complete(task.getId(), Map.of("decision", decision, "reason", "Looked at it"));
    }

    private long openApprovals(ProcessInstance instance) {
        return engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey("UserTask_Approve")
                .count();
    }

    @Test
    void aDealTheTableLetsThroughIsApprovedAtOnce() {
        ProcessInstance instance = start(10_000, 0, 40, "EMEA");

        assertThat(ended(instance)).isTrue();
        assertThat(calls).containsExactly("plan:[]", "approve");
        assertThat(passedThrough(instance)).contains("End_Approved").doesNotContain("SubProcess_Level");
    }

    @Test
    void aDiscountNeedsTheTeamManagerWhoseApprovalApprovesTheDeal() {
        ProcessInstance instance = start(10_000, 15, 40, "EMEA");

        Task task = task(instance, "UserTask_Approve");
        assertThat(task.getAssignee()).isEqualTo("manager-1");
        assertThat(task.getName()).isEqualTo("Approve Big Co renewal");
        assertThat(timer(instance, "Timer_ApprovalSla").getDuedate()).isEqualTo(SLA);
        decide(instance, "manager", "approve");

        assertThat(ended(instance)).isTrue();
        assertThat(calls).containsExactly("plan:[1]", "manager:approve", "approve");
    }

    @Test
    void aLargeDealGoesToTheManagerAndThenToTheHeadOfSales() {
        ProcessInstance instance = start(300_000, 0, 40, "EMEA");

        assertThat(openApprovals(instance)).isEqualTo(1);
        decide(instance, "manager", "approve");
        assertThat(openApprovals(instance)).isEqualTo(1);
        decide(instance, "org_admin", "approve");

        assertThat(ended(instance)).isTrue();
        assertThat(calls).containsExactly("plan:[1, 2]", "manager:approve", "org_admin:approve", "approve");
    }

    @Test
    void approversOfOneLevelDecideInParallel() {
        ProcessInstance instance = start(60_000, 0, 15, "EMEA");

        assertThat(openApprovals(instance)).isEqualTo(2);
        decide(instance, "finance", "approve");
        decide(instance, "manager", "approve");

        assertThat(ended(instance)).isTrue();
        assertThat(calls).endsWith("approve");
    }

    @Test
    void oneRejectionEndsTheApprovalReturnsTheDealAndGivesTheRepAReworkTask() {
        ProcessInstance instance = start(300_000, 0, 15, "EMEA");

        decide(instance, "manager", "reject");

        assertThat(openApprovals(instance)).isZero();
        assertThat(calls).containsExactly("plan:[1, 2]", "manager:reject", "reject");
        assertThat(task(instance, "UserTask_Rework").getAssignee()).isEqualTo("rep-1");
        complete(instance, "UserTask_Rework", Map.of("note", "Discount lowered"));
        assertThat(ended(instance)).isTrue();
        assertThat(passedThrough(instance)).contains("End_Rejected").doesNotContain("End_Approved");
    }

    @Test
    void aMissedApprovalSlaEscalatesAndTheApprovalStaysOpen() {
        ProcessInstance instance = start(10_000, 15, 40, "EMEA");

        fire(instance, "Timer_ApprovalSla");

        assertThat(calls).contains("escalate:manager");
        assertThat(openApprovals(instance)).isEqualTo(1);
        decide(instance, "manager", "approve");
        assertThat(ended(instance)).isTrue();
        assertThat(passedThrough(instance)).contains("End_Escalated", "End_Approved");
    }

    @Test
    void aWithdrawnApprovalOrAClosedDealEndsWhatWaits() {
        ProcessInstance withdrawn = start(10_000, 15, 40, "EMEA");
        ProcessInstance closed = start(10_000, 15, 40, "EMEA");

        correlate(withdrawn, "DealApprovalWithdrawn");
        correlate(closed, "DealClosed");

        assertThat(ended(withdrawn)).isTrue();
        assertThat(ended(closed)).isTrue();
        assertThat(openApprovals(withdrawn)).isZero();
        assertThat(passedThrough(withdrawn)).contains("End_Withdrawn");
        assertThat(passedThrough(closed)).contains("End_Closed");
    }

    /** Stands in for the engine's businessTime bean. */
    public static final class BusinessTimeStandIn {

        public Date plus(String workingTime) {
            return SLA;
        }
    }
}
