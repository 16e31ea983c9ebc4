package io.salesflow.process.payment;

import io.salesflow.payment.Milestones;
import io.salesflow.payment.PaymentProcess;
import io.salesflow.platform.problem.Problem;
import io.salesflow.process.message.MessageCheck;
import io.salesflow.process.message.MessageRequest;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A {@code PaymentReceived} message, from a webhook, {@code POST /api/v1/messages} or a payment recorded by hand, for an
 * unknown, uninvoiced or settled milestone, with an amount that is not positive or more than what remains, or in
 * another currency, is refused by {@link Milestones#checkPayment} before the process moves.
 */
@Component
class PaymentMessageCheck implements MessageCheck {

    private final Milestones milestones;

    PaymentMessageCheck(Milestones milestones) {
        this.milestones = milestones;
    }

    @Override
    public boolean checks(String messageName) {
        return PaymentProcess.PAYMENT_RECEIVED.equals(messageName);
    }

    @Override
    public void check(MessageRequest request) {
        Object id = request.correlationKeys().get(PaymentVariables.MILESTONE_ID);
        UUID milestoneId;
        try {
            milestoneId = UUID.fromString(String.valueOf(id));
        } catch (IllegalArgumentException e) {
            throw Problem.invalid(
                    "correlationKeys." + PaymentVariables.MILESTONE_ID, "must be the id of a payment milestone");
        }
        Object amount = request.variables().get(PaymentVariables.PAYMENT_AMOUNT);
        milestones.checkPayment(
                milestoneId,
                amount instanceof Double d ? BigDecimal.valueOf(d) : amount,
                request.variables().get(PaymentVariables.PAYMENT_CURRENCY),
                request.variables().get(PaymentVariables.PAYMENT_REFERENCE),
                "variables.");
    }
}
