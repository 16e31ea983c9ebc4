package io.salesflow.process.payment;

import static io.salesflow.process.payment.PaymentVariables.*;

import io.salesflow.payment.Milestones;
import io.salesflow.process.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Writes the milestone off, as finance decided. */
@Component("paymentWriteOff")
@ProcessBean("Payment milestone: writes the milestone off (finance's decision)")
class WriteOffMilestoneDelegate implements JavaDelegate {

    private final Milestones milestones;

    WriteOffMilestoneDelegate(Milestones milestones) {
        this.milestones = milestones;
    }

    @Override
    public void execute(DelegateExecution execution) {
        milestones.writeOff(milestoneId(execution));
    }
}
