package io.salesflow.process.payment;

import static io.salesflow.process.payment.PaymentVariables.*;

import io.salesflow.payment.Milestones;
import io.salesflow.process.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the plan once every milestone process ended: fully paid when every milestone is paid. */
@Component("paymentClosePlan")
@ProcessBean("Payment plan: marks the deal fully paid when every milestone is paid; sets fullyPaid")
class ClosePaymentPlanDelegate implements JavaDelegate {

    private final Milestones milestones;

    ClosePaymentPlanDelegate(Milestones milestones) {
        this.milestones = milestones;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(FULLY_PAID, milestones.closePlan(dealId(execution)));
    }
}
