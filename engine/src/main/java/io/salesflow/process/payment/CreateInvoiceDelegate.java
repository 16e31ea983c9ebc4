package io.salesflow.process.payment;

import static io.salesflow.process.payment.PaymentVariables.*;

import io.salesflow.payment.Milestones;
import io.salesflow.process.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Creates the milestone's invoice through the invoice port, once. */
@Component("paymentCreateInvoice")
@ProcessBean("Payment milestone: creates the milestone's invoice through the invoice port; sets "
        + "invoiceId, invoiceNumber and chaseAt (the day after the due date)")
class CreateInvoiceDelegate implements JavaDelegate {

    private final Milestones milestones;

    CreateInvoiceDelegate(Milestones milestones) {
        this.milestones = milestones;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Milestones.Invoiced invoiced = milestones.invoice(milestoneId(execution));
        execution.setVariable(INVOICE_ID, invoiced.invoiceId().toString());
        execution.setVariable(INVOICE_NUMBER, invoiced.invoiceNumber());
        execution.setVariable(CHASE_AT, invoiced.chaseAt());
    }
}
