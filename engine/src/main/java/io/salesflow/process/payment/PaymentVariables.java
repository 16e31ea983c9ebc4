package io.salesflow.process.payment;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The payment-milestones process's keys, message and variable names, in one place. */
final class PaymentVariables {

    static final String PLAN_PROCESS = "payment-milestones";
    static final String MILESTONE_PROCESS = "payment-milestone";
    static final String STARTED_EVENT = "payment.plan_started";

    static final String DEAL_ID = "dealId";
    static final String DEAL_KEY = "dealKey";
    static final String MILESTONE_IDS = "milestoneIds";
    static final String MILESTONE_ID = "milestoneId";
    static final String TRIGGER = "trigger";
    static final String INVOICE_AT = "invoiceAt";
    static final String MILESTONE_NAME = "milestoneName";
    static final String DEAL_NAME = "dealName";
    static final String FINANCE_GROUP = "financeGroup";
    static final String INVOICE_ID = "invoiceId";
    static final String INVOICE_NUMBER = "invoiceNumber";
    static final String CHASE_AT = "chaseAt";
    static final String EMAIL_STATUS = "emailStatus";
    static final String REMINDERS_LEFT = "remindersLeft";
    static final String REMINDER_WAIT = "reminderWaitDays";
    static final String PAYMENT_AMOUNT = "paymentAmount";
    static final String PAYMENT_CURRENCY = "paymentCurrency";
    static final String PAYMENT_REFERENCE = "paymentReference";
    static final String PAID_IN_FULL = "paidInFull";
    static final String REMAINING = "remaining";
    static final String FULLY_PAID = "fullyPaid";

    private PaymentVariables() {}

    static UUID milestoneId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable(MILESTONE_ID));
    }

    static UUID dealId(DelegateExecution execution) {
        return UUID.fromString((String) execution.getVariable(DEAL_ID));
    }

    /** A payment amount as handed over (text, or a number from JSON), as a decimal: no binary floating point sums. */
    static java.math.BigDecimal amount(Object value) {
        if (value instanceof Double d) {
            return java.math.BigDecimal.valueOf(d);
        }
        return new java.math.BigDecimal(String.valueOf(value).strip());
    }
}
