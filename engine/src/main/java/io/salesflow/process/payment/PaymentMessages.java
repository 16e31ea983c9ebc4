package io.salesflow.process.payment;

import io.salesflow.payment.Milestones;
import io.salesflow.payment.PaymentProcess;
import io.salesflow.platform.problem.Problem;
import io.salesflow.process.message.MessageCheck;
import io.salesflow.process.message.MessageRequest;
import io.salesflow.process.message.Messages;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Payments and releases as process messages: the payment module hands them over through {@link PaymentProcess},
 * webhooks and {@code POST /api/v1/messages} send them directly; either way a {@code PaymentReceived} for an unknown,
 * uninvoiced or settled milestone, with an amount that is not positive or more than what remains, or in another
 * currency, is refused by {@link Milestones#checkPayment} before the process moves.
 */
@Component
class PaymentMessages implements PaymentProcess, MessageCheck {

    private final Messages messages;
    private final Milestones milestones;

    PaymentMessages(Messages messages, Milestones milestones) {
        this.messages = messages;
        this.milestones = milestones;
    }

    @Override
    public void deliverPayment(UUID milestoneId, BigDecimal amount, String currency, String reference) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(PaymentVariables.PAYMENT_AMOUNT, amount.toPlainString());
        variables.put(PaymentVariables.PAYMENT_CURRENCY, currency);
        if (reference != null) {
            variables.put(PaymentVariables.PAYMENT_REFERENCE, reference);
        }
        messages.send(new MessageRequest(
                PAYMENT_RECEIVED,
                null,
                Map.of(PaymentVariables.MILESTONE_ID, milestoneId.toString()),
                variables,
                null));
    }

    @Override
    public void release(UUID milestoneId) {
        messages.send(new MessageRequest(
                MILESTONE_RELEASED,
                null,
                Map.of(PaymentVariables.MILESTONE_ID, milestoneId.toString()),
                Map.of(),
                null));
    }

    @Override
    public boolean checks(String messageName) {
        return PAYMENT_RECEIVED.equals(messageName);
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
