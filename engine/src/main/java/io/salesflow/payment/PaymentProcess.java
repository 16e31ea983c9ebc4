package io.salesflow.payment;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What this module asks of the payment-milestones process, implemented by the process module: hand a payment to
 * the milestone's waiting instance (as {@code POST /api/v1/messages} would) and release a milestone invoiced by
 * hand. Each refuses with a problem when no instance waits, and changes nothing then.
 */
public interface PaymentProcess {

    /** The message a payment is: correlated on {@code milestoneId}, carrying amount, currency and reference. */
    String PAYMENT_RECEIVED = "PaymentReceived";

    String MILESTONE_RELEASED = "PaymentMilestoneReleased";

    void deliverPayment(UUID milestoneId, BigDecimal amount, String currency, String reference);

    void release(UUID milestoneId);
}
