package io.salesflow.deal;

import java.util.Optional;
import java.util.UUID;

/**
 * Something a deal must have before it may be won in a pipeline that asks for a signature ({@code
 * wonRequiresSignature}), answered by the module that knows (contracts: a signed contract). Deals refuse the win
 * with a 409 naming the reason.
 */
public interface DealWinCondition {

    /** Why the deal cannot be won yet; empty when it may. Runs in the transaction of the change, for its tenant. */
    Optional<String> unmet(UUID dealId);
}
