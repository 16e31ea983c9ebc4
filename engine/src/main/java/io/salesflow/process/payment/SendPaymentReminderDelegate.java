package io.salesflow.process.payment;

import static io.salesflow.process.payment.PaymentVariables.*;

import io.salesflow.payment.Milestones;
import io.salesflow.process.BusinessTime;
import io.salesflow.process.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Emails the next payment reminder and sets when the milestone is chased again, in working days. */
@Component("paymentSendReminder")
@ProcessBean("Payment milestone: emails the next payment reminder; sets remindersLeft and chaseAt (the "
        + "workspace's reminder days later, in working days)")
class SendPaymentReminderDelegate implements JavaDelegate {

    private final Milestones milestones;
    private final BusinessTime businessTime;

    SendPaymentReminderDelegate(Milestones milestones, BusinessTime businessTime) {
        this.milestones = milestones;
        this.businessTime = businessTime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Milestones.Reminded reminded = milestones.sendReminder(milestoneId(execution));
        execution.setVariable(EMAIL_STATUS, reminded.emailStatus());
        execution.setVariable(REMINDERS_LEFT, reminded.remindersLeft());
        execution.setVariable(CHASE_AT, businessTime.plusWorkingDays(reminded.waitWorkingDays()));
    }
}
