package io.salesflow.process.payment;

import static io.salesflow.process.payment.PaymentVariables.*;

import io.salesflow.process.BusinessTime;
import io.salesflow.process.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After finance chased the customer, waits five more working days before asking finance again. */
@Component("paymentGiveMoreTime")
@ProcessBean("Payment milestone: sets chaseAt five working days on, after finance chased the customer")
class GiveMoreTimeDelegate implements JavaDelegate {

    private static final int MORE_TIME_WORKING_DAYS = 5;

    private final BusinessTime businessTime;

    GiveMoreTimeDelegate(BusinessTime businessTime) {
        this.businessTime = businessTime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(CHASE_AT, businessTime.plusWorkingDays(MORE_TIME_WORKING_DAYS));
    }
}
