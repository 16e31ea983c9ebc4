package io.salesflow.process.payment;

import static io.salesflow.process.payment.PaymentVariables.*;

import io.salesflow.payment.Milestones;
import io.salesflow.process.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the payment the PaymentReceived message carried, on the milestone and its invoice. */
@Component("paymentRecordPayment")
@ProcessBean("Payment milestone: records the received paymentAmount (and paymentReference); sets "
        + "paidInFull and remaining")
class RecordPaymentDelegate implements JavaDelegate {

    private final Milestones milestones;

    RecordPaymentDelegate(Milestones milestones) {
        this.milestones = milestones;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object reference = execution.getVariable(PAYMENT_REFERENCE);
        Milestones.Recorded recorded = milestones.recordPayment(
                milestoneId(execution),
                amount(execution.getVariable(PAYMENT_AMOUNT)),
                reference == null ? null : reference.toString(),
                null);
        execution.setVariable(PAID_IN_FULL, recorded.paidInFull());
        execution.setVariable(REMAINING, recorded.remaining().toPlainString());
        execution.removeVariable(PAYMENT_AMOUNT);
        execution.removeVariable(PAYMENT_CURRENCY);
        execution.removeVariable(PAYMENT_REFERENCE);
    }
}
