package io.salesflow.payment;

import java.util.UUID;

/** A deal's payment plan started (the deal was won, or someone started it by hand): its milestones get invoiced. */
public record PaymentPlanStarted(UUID tenantId, UUID dealId) {}
