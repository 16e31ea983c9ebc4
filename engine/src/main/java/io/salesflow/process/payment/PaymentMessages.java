package io.salesflow.process.payment;

import io.salesflow.payment.PaymentProcess;
import io.salesflow.process.message.MessageRequest;
import io.salesflow.process.message.Messages;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Payments and releases the payment module hands over ({@link PaymentProcess}) sent as process messages through
 * {@link Messages}, like webhooks and {@code POST /api/v1/messages} send them, so {@link PaymentMessageCheck} checks
 * them all alike.
 */
@Component
class PaymentMessages implements PaymentProcess {

    private final Messages messages;

    PaymentMessages(Messages messages) {
        this.messages = messages;
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
}
