package io.salesflow.process.payment;

import static io.salesflow.process.payment.PaymentVariables.*;

import io.salesflow.payment.Milestones;
import io.salesflow.process.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Emails the invoice to the deal's primary contact through the outbox. */
@Component("paymentSendInvoice")
@ProcessBean("Payment milestone: emails the invoice to the deal's primary contact; sets emailStatus")
class SendInvoiceDelegate implements JavaDelegate {

    private final Milestones milestones;

    SendInvoiceDelegate(Milestones milestones) {
        this.milestones = milestones;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(EMAIL_STATUS, milestones.sendInvoice(milestoneId(execution)));
    }
}
