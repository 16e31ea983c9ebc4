package io.salesflow.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One milestone of a payment plan as the API shows it: what is due, how it is triggered, where it stands.
 *
 * @param trigger {@code on_date} (invoiced on {@code invoiceOn}), {@code on_deal_won} (when the plan starts) or
 *     {@code by_hand} (when someone releases it)
 * @param status {@code planned}, {@code invoiced}, {@code partially_paid}, {@code paid} or {@code written_off}
 * @param overdue invoiced, not paid in full, and past its due date
 */
public record PaymentMilestone(
        UUID id,
        UUID dealId,
        String dealName,
        int position,
        String name,
        BigDecimal amount,
        String currency,
        String trigger,
        LocalDate invoiceOn,
        int netDays,
        String status,
        BigDecimal paidAmount,
        BigDecimal remaining,
        UUID invoiceId,
        Long invoiceNumber,
        LocalDate dueOn,
        boolean overdue,
        int remindersSent,
        Instant escalatedAt,
        Instant paidAt) {}
