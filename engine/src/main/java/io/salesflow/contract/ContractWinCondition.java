package io.salesflow.contract;

import io.salesflow.deal.DealWinCondition;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A deal of a pipeline that asks for a signature is won only once one of its contracts is signed. */
@Component
class ContractWinCondition implements DealWinCondition {

    private final ContractStore store;

    ContractWinCondition(ContractStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> unmet(UUID dealId) {
        if (store.hasSigned(dealId)) {
            return Optional.empty();
        }
        return Optional.of(store.ofDeal(dealId).stream()
                .filter(c -> "sent".equals(c.status()))
                .findFirst()
                .map(c -> "contract '" + c.title() + "' is out for signature and not signed by everyone yet")
                .orElse("no contract of this deal is signed; generate one and send it for signature"));
    }
}
