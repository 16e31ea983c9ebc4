package io.salesflow.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A deal's payment plan: its milestones in order, their total against the deal's amount (a plan may invoice less
 * or more than the deal says; {@code difference} shows by how much), and whether it started and is fully paid.
 */
public record PaymentPlanView(
        UUID dealId,
        String currency,
        BigDecimal dealAmount,
        BigDecimal plannedTotal,
        BigDecimal difference,
        BigDecimal paidTotal,
        Instant startedAt,
        Instant fullyPaidAt,
        boolean fullyPaid,
        List<PaymentMilestone> milestones) {}
