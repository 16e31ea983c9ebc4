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

/** Every path of follow-up-sequence.bpmn, with stand-ins for the engine's sequence beans. */
class FollowUpSequenceProcessTest extends ProcessTestSupport {

    private static final String REP = "rep-1";

    private final List<String> calls = new ArrayList<>();
    private List<String> kinds;
    private boolean outsideWorkingHours;
    private String answerMeanwhile;
    private Date sendAt;

    @BeforeAll
    static void deploySequence() {
        deploy("follow-up-sequence.bpmn", "sequence-task.form", "sequence-reply.form");
    }

    @AfterAll
    static void pathsCoverTheModel() {
        new FlowNodeCoverage(ProcessTestEngine.get(), "follow-up-sequence").assertAtLeast(0.9);
    }

    @BeforeEach
    void standIns() {
        kinds = List.of("email");
        answerMeanwhile = null;
        outsideWorkingHours = false;
        sendAt = Date.from(Instant.now().plus(10, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
        bean("sequenceLoad", execution -> {
            calls.add("load");
            execution.setVariable("sequenceName", "Demo follow-up");
            execution.setVariable("stepCount", kinds.size());
            execution.setVariable("stepNumber", 0);
            execution.setVariable("ownerId", REP);
            execution.setVariable("repGroup", "acme:sales_rep");
        });
        bean("sequencePlanStep", execution -> {
            int number = (Integer) execution.getVariable("stepNumber") + 1;
            String kind = kinds.get(number - 1);
            calls.add("plan:" + number + ":" + kind);
            execution.setVariable("stepNumber", number);
            execution.setVariable("stepKind", kind);
            execution.setVariable("sends", List.of("email", "sms", "whatsapp").contains(kind));
            execution.setVariable("variant", number % 2 == 0 ? "B" : "A");
            execution.setVariable("taskName", "task".equals(kind) ? "Call about the demo" : null);
            execution.setVariable("sendAt", outsideWorkingHours ? sendAt : new Date());
            execution.setVariable("deferred", outsideWorkingHours);
        });
        bean("sequenceSendStep", execution -> {
            calls.add("send:" + execution.getVariable("stepNumber") + ":" + execution.getVariable("variant"));
            execution.setVariable("sendStatus", "queued");
        });
        bean("sequenceSetWait", execution -> {
            calls.add("wait:" + execution.getVariable("stepNumber"));
            execution.setVariable("answer", answerMeanwhile);
            execution.setVariable("waitUntil", Date.from(Instant.now().plus(2, ChronoUnit.DAYS)));
        });
        bean("sequenceStop", execution -> calls.add("stop:" + execution.getVariable("reason")));
        bean("sequenceComplete", execution -> calls.add("complete"));
    }

    private ProcessInstance start() {
        return engine.getRuntimeService()
                .startProcessInstanceByKey(
                        "follow-up-sequence",
                        "lead:" + UUID.randomUUID(),
                        Map.of("enrolmentId", UUID.randomUUID().toString()));
    }

    @Test
    void eachStepRunsInTurnAndTheSequenceCompletesWhenTheLastWaitRunsOutWithoutAnAnswer() {
        kinds = List.of("email", "task", "wait", "sms");
        ProcessInstance instance = start();

        assertThat(calls).containsExactly("load", "plan:1:email", "send:1:A", "wait:1");
        assertThat(timer(instance, "Timer_WaitOver").getDuedate()).isEqualTo(variable(instance, "waitUntil"));
        fire(instance, "Timer_WaitOver");

        Task task = task(instance, "UserTask_StepTask");
        assertThat(task.getName()).isEqualTo("Call about the demo");
        assertThat(task.getAssignee()).isEqualTo(REP);
        complete(instance, "UserTask_StepTask", Map.of("outcome", "done"));
        fire(instance, "Timer_WaitOver");
        fire(instance, "Timer_WaitOver");
        fire(instance, "Timer_WaitOver");

        assertThat(ended(instance)).isTrue();
        assertThat(calls)
                .containsExactly(
                        "load",
                        "plan:1:email",
                        "send:1:A",
                        "wait:1",
                        "plan:2:task",
                        "wait:2",
                        "plan:3:wait",
                        "wait:3",
                        "plan:4:sms",
                        "send:4:B",
                        "wait:4",
                        "complete");
        assertThat(passedThrough(instance)).contains("End_Completed");
    }

    @Test
    void aSendOutsideTheSendersWorkingHoursWaitsForThemInsteadOfBeingSkipped() {
        outsideWorkingHours = true;
        ProcessInstance instance = start();

        assertThat(calls).containsExactly("load", "plan:1:email");
        assertThat(timer(instance, "Timer_WorkingHours").getDuedate()).isEqualTo(sendAt);
        fire(instance, "Timer_WorkingHours");

        assertThat(calls).containsExactly("load", "plan:1:email", "send:1:A", "wait:1");
        assertThat(passedThrough(instance)).contains("Timer_WorkingHours", "ServiceTask_SendStep");
    }

    @Test
    void aReplyStopsTheSequenceAndGivesTheOwnerAFollowUpTask() {
        kinds = List.of("email", "email");
        ProcessInstance instance = start();

        correlate(instance, "SequenceReplyReceived");

        Task task = task(instance, "UserTask_FollowUpReply");
        assertThat(task.getAssignee()).isEqualTo(REP);
        assertThat(calls).containsExactly("load", "plan:1:email", "send:1:A", "wait:1", "stop:replied");
        complete(instance, "UserTask_FollowUpReply", Map.of("outcome", "answered"));
        assertThat(ended(instance)).isTrue();
        assertThat(passedThrough(instance)).contains("Message_Reply", "End_Replied");
    }

    @Test
    void aBounceStopsTheSequence() {
        kinds = List.of("email", "email");
        ProcessInstance instance = start();

        correlate(instance, "SequenceEmailBounced");

        assertThat(ended(instance)).isTrue();
        assertThat(calls).endsWith("stop:bounced");
        assertThat(passedThrough(instance)).contains("Message_Bounce", "End_Bounced");
    }

    @Test
    void anUnsubscribeStopsTheSequence() {
        kinds = List.of("email", "email");
        ProcessInstance instance = start();
        fire(instance, "Timer_WaitOver");

        correlate(instance, "SequenceUnsubscribed");

        assertThat(ended(instance)).isTrue();
        assertThat(calls).endsWith("send:2:B", "wait:2", "stop:unsubscribed");
        assertThat(passedThrough(instance)).contains("Message_Unsubscribe", "End_Unsubscribed");
    }

    @Test
    void aBookedMeetingStopsTheSequence() {
        ProcessInstance instance = start();

        correlate(instance, "SequenceMeetingBooked");

        assertThat(ended(instance)).isTrue();
        assertThat(calls).endsWith("stop:meeting");
        assertThat(passedThrough(instance)).contains("Message_Meeting", "End_Meeting");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "replied, End_Replied",
        "bounced, End_Bounced",
        "unsubscribed, End_Unsubscribed",
        "meeting, End_Meeting"
    })
    void anAnswerThatCameDuringARepTaskStopsTheSequenceInsteadOfWaitingOn(String answer, String end) {
        kinds = List.of("task", "email");
        ProcessInstance instance = start();
        answerMeanwhile = answer;

        complete(instance, "UserTask_StepTask", Map.of("outcome", "done"));

        assertThat(calls).containsExactly("load", "plan:1:task", "wait:1", "stop:" + answer);
        if ("replied".equals(answer)) {
            complete(instance, "UserTask_FollowUpReply", Map.of("outcome", "answered"));
        }
        assertThat(ended(instance)).isTrue();
        assertThat(passedThrough(instance))
                .contains("Gateway_AnsweredMeanwhile", end)
                .doesNotContain("Gateway_WaitForAnswer");
    }
}
