package io.salesflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every path of contract-signing.bpmn with stand-ins for the engine's contract beans. */
class ContractSigningProcessTest extends ProcessTestSupport {

    private static final Instant EXPIRES = Instant.parse("2030-02-01T12:00:00Z");
    private final List<String> calls = new ArrayList<>();

    @BeforeAll
    static void deploySigning() {
        deploy("contract-signing.bpmn", "contract-declined.form", "contract-expired.form");
    }

    @AfterAll
    static void pathsCoverTheModel() {
        new FlowNodeCoverage(ProcessTestEngine.get(), "contract-signing").assertAtLeast(0.9);
    }

    @BeforeEach
    void standIns() {
        bean("contractInviteSigners", execution -> calls.add("invite"));
        bean("contractRemindSigners", execution -> calls.add("remind"));
        bean("contractComplete", execution -> calls.add("complete"));
        bean("contractExpire", execution -> calls.add("expire"));
        bean("contractReturnDeal", execution -> {
            calls.add("return:" + execution.getVariable("declinedBy"));
            execution.setVariable("returnedToStage", "Proposal");
        });
        bean("businessTime", new BusinessTimeStandIn());
    }

    private ProcessInstance start() {
        Map<String, Object> variables = new HashMap<>();
        String dealId = UUID.randomUUID().toString();
        variables.put("recordType", "deal");
        variables.put("recordId", dealId);
        variables.put("contractId", UUID.randomUUID().toString());
        variables.put("dealId", dealId);
        variables.put("dealName", "Big Co renewal");
        variables.put("contractTitle", "Master agreement");
        variables.put("ownerId", "rep-1");
        variables.put("expiresAt", EXPIRES.toString());
        variables.put("reminderEveryWorkingDays", 2);
        return engine.getRuntimeService().startProcessInstanceByKey("contract-signing", "deal:" + dealId, variables);
    }

    private void message(ProcessInstance instance, String name, Map<String, Object> variables) {
        engine.getRuntimeService()
                .createMessageCorrelation(name)
                .processInstanceBusinessKey(instance.getBusinessKey())
                .processInstanceVariableEquals("contractId", variable(instance, "contractId"))
                .setVariables(variables)
                .correlate();
    }

    @Test
    void signersAreInvitedAndTheProcessWaitsForThemWithAReminderAndTheExpiryDue() {
        ProcessInstance instance = start();

        assertThat(calls).containsExactly("invite");
        assertThat(timer(instance, "Timer_Reminder").getDuedate()).isEqualTo(BusinessTimeStandIn.inWorkingDays(2));
        assertThat(timer(instance, "Timer_Expiry").getDuedate()).isEqualTo(Date.from(EXPIRES));
    }

    @Test
    void whenEveryoneSignedTheSignedCopyIsStored() {
        ProcessInstance instance = start();

        message(instance, "ContractSigned", Map.of());

        assertThat(ended(instance)).isTrue();
        assertThat(calls).containsExactly("invite", "complete");
        assertThat(passedThrough(instance)).contains("Event_AllSigned", "ServiceTask_Complete", "End_Signed");
    }

    @Test
    void aReminderGoesOutAndTheProcessWaitsAgainUntilEveryoneSigned() {
        ProcessInstance instance = start();

        fire(instance, "Timer_Reminder");
        fire(instance, "Timer_Reminder");
        assertThat(timer(instance, "Timer_Expiry").getDuedate()).isEqualTo(Date.from(EXPIRES));
        message(instance, "ContractSigned", Map.of());

        assertThat(ended(instance)).isTrue();
        assertThat(calls).containsExactly("invite", "remind", "remind", "complete");
    }

    @Test
    void aDeclineSendsTheDealBackAndGivesTheOwnerATaskSayingWhoDeclinedAndWhy() {
        ProcessInstance instance = start();

        message(
                instance,
                "ContractDeclined",
                Map.of("declinedBy", "Pat Buyer <pat@example.com>", "declineReason", "Price too high"));

        Task task = task(instance, "UserTask_FollowUpDeclined");
        assertThat(task.getAssignee()).isEqualTo("rep-1");
        assertThat(task.getName()).isEqualTo("Master agreement declined by Pat Buyer <pat@example.com>");
        assertThat(task.getDescription())
                .contains("Pat Buyer <pat@example.com>", "Price too high", "Big Co renewal", "Proposal");
        assertThat(calls).containsExactly("invite", "return:Pat Buyer <pat@example.com>");
        complete(instance, "UserTask_FollowUpDeclined", Map.of("note", "Call Pat about the price"));

        assertThat(ended(instance)).isTrue();
        assertThat(passedThrough(instance)).contains("End_Declined");
    }

    @Test
    void whenTheLinksExpireFirstTheContractExpiresAndTheOwnerFollowsUp() {
        ProcessInstance instance = start();

        fire(instance, "Timer_Expiry");

        Task task = task(instance, "UserTask_FollowUpExpired");
        assertThat(task.getAssignee()).isEqualTo("rep-1");
        assertThat(task.getName()).isEqualTo("Master agreement expired unsigned");
        assertThat(calls).containsExactly("invite", "expire");
        complete(instance, "UserTask_FollowUpExpired", Map.of("note", "Sent a new one"));

        assertThat(ended(instance)).isTrue();
        assertThat(passedThrough(instance)).contains("End_Expired");
    }

    @Test
    void aSignatureForAnotherContractOfTheSameDealDoesNotReachThisOne() {
        ProcessInstance instance = start();

        long delivered = engine.getRuntimeService()
                .createMessageCorrelation("ContractSigned")
                .processInstanceBusinessKey(instance.getBusinessKey())
                .processInstanceVariableEquals("contractId", UUID.randomUUID().toString())
                .correlateAllWithResult()
                .size();

        assertThat(delivered).isZero();
        assertThat(ended(instance)).isFalse();
    }

    public static final class BusinessTimeStandIn {

        static Date inWorkingDays(int days) {
            return Date.from(Instant.parse("2030-01-01T09:00:00Z").plus(days, ChronoUnit.DAYS));
        }

        public Date plusWorkingDays(Number days) {
            return inWorkingDays(days.intValue());
        }
    }
}
