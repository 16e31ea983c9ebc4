package io.salesflow.deal;

import java.math.BigDecimal;
import java.util.UUID;

/** A deal was won, for this amount in this ISO 4217 currency. */
public record DealWon(UUID tenantId, UUID dealId, BigDecimal amount, String currency) {}
