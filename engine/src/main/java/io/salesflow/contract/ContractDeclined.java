package io.salesflow.contract;

import java.util.UUID;

/** A signer declined to sign, for a reason they gave: the contract is off and the deal goes back. */
public record ContractDeclined(UUID tenantId, UUID contractId, UUID dealId, String signerName, String reason) {}
