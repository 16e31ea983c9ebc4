package io.salesflow.process.payment;

import static io.salesflow.process.payment.PaymentVariables.*;

import io.salesflow.payment.Milestones;
import io.salesflow.process.EngineGroups;
import io.salesflow.process.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reads what the milestone process branches on: when the milestone is invoiced, its names, who chases it. */
@Component("paymentPrepareMilestone")
@ProcessBean("Payment milestone: sets trigger, invoiceAt, milestoneName, dealName, financeGroup and " + "remindersLeft")
class PrepareMilestoneDelegate implements JavaDelegate {

    private final Milestones milestones;

    PrepareMilestoneDelegate(Milestones milestones) {
        this.milestones = milestones;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Milestones.Start start = milestones.prepare(milestoneId(execution));
        execution.setVariable(TRIGGER, start.trigger());
        execution.setVariable(INVOICE_AT, start.invoiceAt());
        execution.setVariable(MILESTONE_NAME, start.name());
        execution.setVariable(DEAL_NAME, start.dealName());
        execution.setVariable(FINANCE_GROUP, EngineGroups.role(execution.getTenantId(), "finance"));
        execution.setVariable(REMINDERS_LEFT, milestones.sendsReminders());
    }
}
