package io.salesflow.process.payment;

import static io.salesflow.process.payment.PaymentVariables.*;

import io.salesflow.payment.Milestones;
import io.salesflow.process.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records on the milestone that finance was asked to chase it. */
@Component("paymentEscalate")
@ProcessBean("Payment milestone: records that finance was asked to chase the payment")
class EscalatePaymentDelegate implements JavaDelegate {

    private final Milestones milestones;

    EscalatePaymentDelegate(Milestones milestones) {
        this.milestones = milestones;
    }

    @Override
    public void execute(DelegateExecution execution) {
        milestones.escalated(milestoneId(execution));
    }
}
