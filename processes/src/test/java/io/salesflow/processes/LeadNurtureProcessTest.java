package io.salesflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every path of lead-nurture.bpmn, with stand-ins for the engine's nurture beans. */
class LeadNurtureProcessTest extends ProcessTestSupport {

    private static final String REP = "rep-1";
    private static final String MANAGER = "manager-1";

    private final List<String> calls = new ArrayList<>();
    private String band;
    private String status;
    private int touches;
    private boolean requalifyDue;
    private List<String> rescoredBands;
    private String warmSequenceId;
    private String enrolmentRefusal;

    @BeforeAll
    static void deployNurture() {
        deploy(
                "lead-nurture.bpmn",
                "first-contact.form",
                "touch.form",
                "review-missed-contact.form",
                "requalify-lead.form");
    }

    @AfterAll
    static void pathsCoverTheModel() {
        new FlowNodeCoverage(ProcessTestEngine.get(), "lead-nurture").assertAtLeast(0.9);
    }

    @BeforeEach
    void standIns() {
        band = "cold";
        status = "new";
        touches = 2;
        requalifyDue = false;
        rescoredBands = new ArrayList<>();
        warmSequenceId = null;
        enrolmentRefusal = null;
        bean("nurtureLoadLead", execution -> {
            calls.add("load");
            execution.setVariable("status", status);
            execution.setVariable("band", band);
            execution.setVariable("ownerId", REP);
            execution.setVariable("repGroup", "acme:sales_rep");
            execution.setVariable("unqualifiedRequalifyAfter", "P90D");
            execution.setVariable("coldRescoreEvery", "P14D");
            execution.setVariable("touchSpacingDays", 2);
            execution.setVariable("warmSequence", warmSequenceId != null);
            execution.setVariable("warmSequenceId", warmSequenceId);
        });
        bean("nurtureEnrolInSequence", execution -> {
            calls.add("enrol:" + execution.getVariable("warmSequenceId"));
            execution.setVariable("enrolledInSequence", enrolmentRefusal == null);
            execution.setVariable("enrolmentRefusal", enrolmentRefusal);
        });
        bean("businessTime", new BusinessTimeStandIn());
        bean("nurturePlanFirstContact", execution -> {
            calls.add("planFirstContact");
            execution.setVariable("firstContactDue", Date.from(Instant.now().plus(4, ChronoUnit.HOURS)));
        });
        bean("nurtureRecordFirstContact", execution -> calls.add("recordFirstContact"));
        bean("nurtureEscalateFirstContact", execution -> {
            calls.add("escalate");
            execution.setVariable("managerId", MANAGER);
            execution.setVariable("managerGroup", "acme:manager");
        });
        bean("nurtureApplyReview", execution -> calls.add("applyReview:" + execution.getVariable("action")));
        bean("nurturePlanTouch", execution -> {
            int number = execution.hasVariable("touchNumber") ? (Integer) execution.getVariable("touchNumber") + 1 : 1;
            calls.add("planTouch:" + number);
            execution.setVariable("touchNumber", number);
            execution.setVariable("touchName", number == 1 ? "Call the lead" : "Email the lead");
            execution.setVariable("touchesLeft", touches - number);
            execution.setVariable("touchDue", Date.from(Instant.now().plus(1, ChronoUnit.DAYS)));
        });
        bean("nurtureRescore", execution -> {
            String next = rescoredBands.isEmpty() ? "cold" : rescoredBands.remove(0);
            calls.add("rescore:" + next);
            execution.setVariable("band", next);
            execution.setVariable("requalifyDue", requalifyDue);
        });
        bean("nurtureApplyRequalification", execution -> calls.add("requalify:" + execution.getVariable("decision")));
    }

    private ProcessInstance start() {
        return engine.getRuntimeService()
                .startProcessInstanceByKey(
                        "lead-nurture",
                        UUID.randomUUID().toString(),
                        Map.of("leadId", UUID.randomUUID().toString()));
    }

    @Test
    void aHotLeadGetsAFirstContactTaskForItsOwnerDueAtTheSla() {
        band = "hot";
        ProcessInstance instance = start();

        Task task = task(instance, "UserTask_FirstContact");
        assertThat(task.getAssignee()).isEqualTo(REP);
        assertThat(task.getDueDate()).isEqualTo(variable(instance, "firstContactDue"));
        assertThat(timer(instance, "Timer_FirstContactSla").getDuedate()).isEqualTo(task.getDueDate());

        complete(instance, "UserTask_FirstContact", Map.of("outcome", "reached"));

        assertThat(ended(instance)).isTrue();
        assertThat(calls).containsExactly("load", "planFirstContact", "recordFirstContact");
        assertThat(passedThrough(instance)).contains("End_Contacted");
    }

    @Test
    void aMissedSlaGivesTheManagerATaskAndLeavesTheRepsTaskOpen() {
        band = "hot";
        ProcessInstance instance = start();

        fire(instance, "Timer_FirstContactSla");

        assertThat(task(instance, "UserTask_ReviewMissedContact").getAssignee()).isEqualTo(MANAGER);
        assertThat(task(instance, "UserTask_FirstContact").getAssignee()).isEqualTo(REP);
        complete(instance, "UserTask_ReviewMissedContact", Map.of("action", "reassign", "newOwnerId", "rep-2"));
        assertThat(calls).contains("escalate", "applyReview:reassign");
        assertThat(ended(instance)).isFalse();

        complete(instance, "UserTask_FirstContact", Map.of("outcome", "reached"));
        assertThat(ended(instance)).isTrue();
        assertThat(passedThrough(instance)).contains("End_EscalationHandled", "End_Contacted");
    }

    @Test
    void aWarmLeadGetsItsTouchesSpacedByTimersUntilTheCadenceEnds() {
        band = "warm";
        ProcessInstance instance = start();

        assertThat(task(instance, "UserTask_Touch").getName()).isEqualTo("Call the lead");
        assertThat(engine.getManagementService()
                        .createJobQuery()
                        .timers()
                        .processInstanceId(instance.getId())
                        .count())
                .isZero();
        complete(instance, "UserTask_Touch", Map.of("outcome", "no_answer"));
        assertThat(timer(instance, "Timer_NextTouch").getDuedate()).isEqualTo(BusinessTimeStandIn.inWorkingDays(2));
        fire(instance, "Timer_NextTouch");
        assertThat(task(instance, "UserTask_Touch").getName()).isEqualTo("Email the lead");
        complete(instance, "UserTask_Touch", Map.of("outcome", "done"));
        fire(instance, "Timer_NextTouch");

        assertThat(ended(instance)).isTrue();
        assertThat(calls).containsExactly("load", "planTouch:1", "planTouch:2");
        assertThat(passedThrough(instance)).contains("End_CadenceFinished");
    }

    @Test
    void aWarmLeadIsEnrolledInTheNurtureSequenceWhereTheWorkspaceChoseOneAndGetsNoTouchTasks() {
        band = "warm";
        warmSequenceId = UUID.randomUUID().toString();
        ProcessInstance instance = start();

        assertThat(ended(instance)).isTrue();
        assertThat(calls).containsExactly("load", "enrol:" + warmSequenceId);
        assertThat(passedThrough(instance))
                .contains("Gateway_WarmSequence", "ServiceTask_EnrolInSequence", "End_EnrolledInSequence")
                .doesNotContain("ServiceTask_PlanTouch");
    }

    @Test
    void aWarmLeadTheSequenceRefusesGetsTouchTasksInstead() {
        band = "warm";
        warmSequenceId = UUID.randomUUID().toString();
        enrolmentRefusal = "The lead has no email address";
        ProcessInstance instance = start();

        assertThat(task(instance, "UserTask_Touch").getName()).isEqualTo("Call the lead");
        assertThat(calls).containsExactly("load", "enrol:" + warmSequenceId, "planTouch:1");
        assertThat(variable(instance, "enrolmentRefusal")).isEqualTo("The lead has no email address");
    }

    @Test
    void aWarmLeadWithoutANurtureSequenceGetsTouchTasks() {
        band = "warm";
        ProcessInstance instance = start();

        assertThat(task(instance, "UserTask_Touch").getName()).isEqualTo("Call the lead");
        assertThat(calls).containsExactly("load", "planTouch:1");
        assertThat(passedThrough(instance))
                .contains("Gateway_WarmSequence")
                .doesNotContain("ServiceTask_EnrolInSequence");
    }

    @Test
    void anEngagementBetweenTouchesEndsTheCadenceAtOnce() {
        band = "warm";
        ProcessInstance instance = start();
        complete(instance, "UserTask_Touch", Map.of("outcome", "done"));

        correlate(instance, "LeadEngaged");

        assertThat(ended(instance)).isTrue();
        assertThat(passedThrough(instance)).contains("Message_Engaged", "End_Engaged");
    }

    @Test
    void aStatusChangeBetweenTouchesEndsTheCadence() {
        band = "warm";
        ProcessInstance instance = start();
        complete(instance, "UserTask_Touch", Map.of("outcome", "done"));

        correlate(instance, "LeadStatusChanged");

        assertThat(ended(instance)).isTrue();
        assertThat(passedThrough(instance)).contains("Message_StatusChanged", "End_StatusChanged");
    }

    @Test
    void anEngagementOrAStatusChangeWhileATouchIsOpenEndsTheCadenceAndTheTask() {
        band = "warm";
        ProcessInstance engaged = start();
        ProcessInstance changed = start();

        correlate(engaged, "LeadEngaged");
        correlate(changed, "LeadStatusChanged");

        assertThat(ended(engaged)).isTrue();
        assertThat(ended(changed)).isTrue();
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(engaged.getId())
                        .count())
                .isZero();
        assertThat(passedThrough(engaged)).contains("Message_EngagedDuringTouch");
        assertThat(passedThrough(changed)).contains("Message_StatusChangedDuringTouch");
    }

    @Test
    void aColdLeadIsRescoredPeriodicallyAndWorkedAsHotOnceItWarmsUp() {
        rescoredBands = new ArrayList<>(List.of("cold", "hot"));
        ProcessInstance instance = start();

        fire(instance, "Timer_ColdWait");
        fire(instance, "Timer_ColdWait");

        assertThat(task(instance, "UserTask_FirstContact").getAssignee()).isEqualTo(REP);
        assertThat(calls).containsExactly("load", "rescore:cold", "rescore:hot", "planFirstContact");
    }

    @Test
    void aColdLeadIsReQualifiedWhenThePeriodIsOver() {
        requalifyDue = true;
        ProcessInstance instance = start();

        fire(instance, "Timer_ColdWait");
        complete(instance, "UserTask_RequalifyCold", Map.of("decision", "unqualified", "reason", "No budget"));

        assertThat(ended(instance)).isTrue();
        assertThat(calls).containsExactly("load", "rescore:cold", "requalify:unqualified");
        assertThat(passedThrough(instance)).contains("End_ColdReviewed");
    }

    @Test
    void anUnqualifiedLeadIsReQualifiedAfterItsPeriod() {
        status = "unqualified";
        band = "hot";
        ProcessInstance instance = start();

        assertThat(timer(instance, "Timer_UnqualifiedWait").getDuedate())
                .isCloseTo(Date.from(Instant.now().plus(90, ChronoUnit.DAYS)), 60_000);
        fire(instance, "Timer_UnqualifiedWait");
        assertThat(task(instance, "UserTask_RequalifyUnqualified").getAssignee())
                .isEqualTo(REP);
        complete(instance, "UserTask_RequalifyUnqualified", Map.of("decision", "qualified"));

        assertThat(ended(instance)).isTrue();
        assertThat(calls).containsExactly("load", "requalify:qualified");
    }

    @Test
    void conversionEndsNurtureFromAnyState() {
        band = "hot";
        ProcessInstance hot = start();
        band = "cold";
        ProcessInstance cold = start();

        correlate(hot, "LeadConverted");
        correlate(cold, "LeadConverted");

        assertThat(ended(hot)).isTrue();
        assertThat(ended(cold)).isTrue();
        assertThat(passedThrough(hot)).contains("StartEvent_Converted", "End_Converted");
    }

    /** Stands in for the engine's businessTime bean: a working day is a calendar day here. */
    public static final class BusinessTimeStandIn {

        static Date inWorkingDays(int days) {
            return Date.from(Instant.parse("2030-01-01T09:00:00Z").plus(days, ChronoUnit.DAYS));
        }

        public Date plusWorkingDays(Number days) {
            return inWorkingDays(days.intValue());
        }
    }
}
