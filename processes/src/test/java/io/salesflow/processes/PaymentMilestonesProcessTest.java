package io.salesflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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

/**
 * Every path of payment-milestones.bpmn (the plan and its per-milestone process) with stand-ins for the engine's
 * payment beans: milestones invoiced at once, on a date or by hand; paid in one payment or in parts; reminded,
 * escalated to finance, paid while finance chases, given more time or written off.
 */
class PaymentMilestonesProcessTest extends ProcessTestSupport {

    private static final Date INVOICE_DATE = Date.from(Instant.parse("2030-02-01T00:00:00Z"));
    private static final Date DUE = Date.from(Instant.parse("2030-02-15T00:00:00Z"));
    private static final Date LATER = Date.from(Instant.parse("2030-02-20T09:00:00Z"));

    private final List<String> calls = new ArrayList<>();
    private final Map<String, String> triggers = new HashMap<>();
    private final Map<String, Double> remaining = new HashMap<>();
    private final Map<String, Integer> reminders = new HashMap<>();
    private int reminderDays = 2;

    @BeforeAll
    static void deployPayments() {
        deploy("payment-milestones.bpmn", "chase-payment.form");
    }

    @AfterAll
    static void pathsCoverTheModel() {
        new FlowNodeCoverage(ProcessTestEngine.get(), "payment-milestones").assertAtLeast(0.9);
        new FlowNodeCoverage(ProcessTestEngine.get(), "payment-milestone").assertAtLeast(0.9);
    }

    @BeforeEach
    void standIns() {
        bean("paymentLoadPlan", execution -> {
            execution.setVariable("milestoneIds", new ArrayList<>(triggers.keySet()));
            execution.setVariable("dealKey", execution.getProcessBusinessKey());
        });
        bean("paymentPrepareMilestone", execution -> {
            String id = (String) execution.getVariable("milestoneId");
            execution.setVariable("trigger", triggers.get(id));
            execution.setVariable("invoiceAt", INVOICE_DATE);
            execution.setVariable("milestoneName", "Milestone " + id.substring(0, 4));
            execution.setVariable("dealName", "Big Co rollout");
            execution.setVariable("financeGroup", "acme:finance");
            execution.setVariable("remindersLeft", reminderDays > 0);
        });
        bean("paymentCreateInvoice", execution -> {
            calls.add("invoice:" + triggers.get((String) execution.getVariable("milestoneId")));
            execution.setVariable("invoiceId", UUID.randomUUID().toString());
            execution.setVariable("chaseAt", DUE);
        });
        bean("paymentSendInvoice", execution -> calls.add("send-invoice"));
        bean("paymentRecordPayment", execution -> {
            String id = (String) execution.getVariable("milestoneId");
            double left =
                    remaining.getOrDefault(id, 100.0) - ((Number) execution.getVariable("paymentAmount")).doubleValue();
            remaining.put(id, left);
            calls.add("paid:" + left);
            execution.setVariable("paidInFull", left == 0);
        });
        bean("paymentSendReminder", execution -> {
            String id = (String) execution.getVariable("milestoneId");
            int sent = reminders.merge(id, 1, Integer::sum);
            calls.add("reminder:" + sent);
            execution.setVariable("remindersLeft", sent < reminderDays);
            execution.setVariable("chaseAt", LATER);
        });
        bean("paymentEscalate", execution -> calls.add("escalate"));
        bean("paymentGiveMoreTime", execution -> {
            calls.add("more-time");
            execution.setVariable("chaseAt", LATER);
        });
        bean("paymentWriteOff", execution -> calls.add("write-off"));
        bean("paymentClosePlan", execution -> {
            boolean all = remaining.size() == triggers.size()
                    && remaining.values().stream().allMatch(v -> v == 0);
            calls.add("close:" + all);
            execution.setVariable("fullyPaid", all);
        });
    }

    private String milestone(String trigger) {
        String id = UUID.randomUUID().toString();
        triggers.put(id, trigger);
        return id;
    }

    private ProcessInstance startPlan() {
        String dealId = UUID.randomUUID().toString();
        return engine.getRuntimeService()
                .startProcessInstanceByKey(
                        "payment-milestones",
                        "deal:" + dealId,
                        Map.of("dealId", dealId, "recordType", "deal", "recordId", dealId));
    }

    private ProcessInstance milestoneInstance(String milestoneId) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("payment-milestone")
                .variableValueEquals("milestoneId", milestoneId)
                .singleResult();
    }

    private void pay(String milestoneId, double amount) {
        engine.getRuntimeService()
                .createMessageCorrelation("PaymentReceived")
                .processInstanceVariableEquals("milestoneId", milestoneId)
                .setVariable("paymentAmount", amount)
                .correlate();
    }

    private void fireChase(String milestoneId) {
        fire(milestoneInstance(milestoneId), "Timer_Chase");
    }

    @Test
    void twoMilestonesPaidWhenTheDealIsWonMarkTheDealFullyPaid() {
        String first = milestone("on_deal_won");
        String second = milestone("on_deal_won");
        ProcessInstance plan = startPlan();

        ProcessInstance one = milestoneInstance(first);
        assertThat(one.getBusinessKey()).isEqualTo(plan.getBusinessKey());
        assertThat(variable(one, "recordId")).isEqualTo(variable(plan, "recordId"));
        assertThat(timer(one, "Timer_Chase").getDuedate()).isEqualTo(DUE);
        pay(first, 100);
        assertThat(ended(plan)).isFalse();
        pay(second, 100);

        assertThat(ended(plan)).isTrue();
        assertThat(calls)
                .containsExactly(
                        "invoice:on_deal_won",
                        "send-invoice",
                        "invoice:on_deal_won",
                        "send-invoice",
                        "paid:0.0",
                        "paid:0.0",
                        "close:true");
        assertThat(passedThrough(plan)).contains("End_FullyPaid");
    }

    @Test
    void aPartialPaymentIsRecordedAndTheRestAwaited() {
        String only = milestone("on_deal_won");
        ProcessInstance plan = startPlan();

        pay(only, 40);
        ProcessInstance instance = milestoneInstance(only);
        assertThat(instance).as("still waiting for the rest").isNotNull();
        pay(only, 60);

        assertThat(ended(plan)).isTrue();
        assertThat(calls).containsSubsequence("paid:60.0", "paid:0.0", "close:true");
    }

    @Test
    void aMilestoneOnADateIsInvoicedWhenTheDateComes() {
        String dated = milestone("on_date");
        startPlan();
        ProcessInstance instance = milestoneInstance(dated);
        assertThat(timer(instance, "Timer_InvoiceDate").getDuedate()).isEqualTo(INVOICE_DATE);
        assertThat(calls).isEmpty();

        fire(instance, "Timer_InvoiceDate");

        assertThat(calls).containsExactly("invoice:on_date", "send-invoice");
        pay(dated, 100);
        assertThat(ended(instance)).isTrue();
    }

    @Test
    void aMilestoneReleasedByHandIsInvoicedThen() {
        String manual = milestone("by_hand");
        startPlan();
        assertThat(calls).isEmpty();

        engine.getRuntimeService()
                .createMessageCorrelation("PaymentMilestoneReleased")
                .processInstanceVariableEquals("milestoneId", manual)
                .correlate();

        assertThat(calls).containsExactly("invoice:by_hand", "send-invoice");
        pay(manual, 100);
    }

    @Test
    void anOverdueMilestoneIsRemindedThenEscalatedAndPaidWhileFinanceChases() {
        String late = milestone("on_deal_won");
        ProcessInstance plan = startPlan();

        fireChase(late);
        assertThat(timer(milestoneInstance(late), "Timer_Chase").getDuedate()).isEqualTo(LATER);
        fireChase(late);
        fireChase(late);

        Task chase = task(milestoneInstance(late), "UserTask_ChasePayment");
        assertThat(chase.getName())
                .isEqualTo("Chase payment of Milestone " + late.substring(0, 4) + " (Big Co rollout)");
        assertThat(engine.getTaskService().getIdentityLinksForTask(chase.getId()))
                .anyMatch(link -> "acme:finance".equals(link.getGroupId()));
        pay(late, 100);

        assertThat(ended(plan)).isTrue();
        assertThat(calls)
                .containsExactly(
                        "invoice:on_deal_won",
                        "send-invoice",
                        "reminder:1",
                        "reminder:2",
                        "escalate",
                        "paid:0.0",
                        "close:true");
    }

    @Test
    void financeGivesMoreTimeAndThePaymentComes() {
        reminderDays = 0;
        String late = milestone("on_deal_won");
        ProcessInstance plan = startPlan();

        fireChase(late);
        complete(milestoneInstance(late), "UserTask_ChasePayment", Map.of("outcome", "more_time"));
        assertThat(timer(milestoneInstance(late), "Timer_Chase").getDuedate()).isEqualTo(LATER);
        pay(late, 100);

        assertThat(ended(plan)).isTrue();
        assertThat(calls).containsSubsequence("escalate", "more-time", "paid:0.0", "close:true");
    }

    @Test
    void financeWritesAMilestoneOffAndThePlanClosesWithoutBeingFullyPaid() {
        reminderDays = 0;
        String late = milestone("on_deal_won");
        ProcessInstance plan = startPlan();

        fireChase(late);
        complete(milestoneInstance(late), "UserTask_ChasePayment", Map.of("outcome", "write_off"));

        assertThat(ended(plan)).isTrue();
        assertThat(calls).containsSubsequence("escalate", "write-off", "close:false");
        assertThat(passedThrough(plan)).contains("End_PlanClosed");
    }
}
