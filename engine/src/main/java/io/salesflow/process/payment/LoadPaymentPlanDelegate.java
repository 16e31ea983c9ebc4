package io.salesflow.process.payment;

import static io.salesflow.process.payment.PaymentVariables.*;

import io.salesflow.payment.Milestones;
import io.salesflow.process.ProcessBean;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Finds the plan's milestones still to be paid, for the plan to run one milestone process each. */
@Component("paymentLoadPlan")
@ProcessBean("Payment plan: sets milestoneIds (the milestones not yet paid) and dealKey")
class LoadPaymentPlanDelegate implements JavaDelegate {

    private final Milestones milestones;

    LoadPaymentPlanDelegate(Milestones milestones) {
        this.milestones = milestones;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ArrayList<String> ids = new ArrayList<>();
        milestones.unsettled(dealId(execution)).forEach(id -> ids.add(id.toString()));
        execution.setVariable(MILESTONE_IDS, ids);
        execution.setVariable(DEAL_KEY, execution.getProcessBusinessKey());
    }
}
