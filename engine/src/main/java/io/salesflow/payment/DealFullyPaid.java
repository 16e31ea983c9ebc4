package io.salesflow.payment;

import java.math.BigDecimal;
import java.util.UUID;

/** Every milestone of a deal's payment plan is paid: {@code total} in {@code currency} received. */
public record DealFullyPaid(UUID tenantId, UUID dealId, BigDecimal total, String currency) {}
