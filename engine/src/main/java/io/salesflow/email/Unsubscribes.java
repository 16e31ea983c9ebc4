package io.salesflow.email;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One-click unsubscribe: the recipients of the email a link came with go on the suppression list. */
@Service
class Unsubscribes {

    private final EmailStore store;
    private final Suppressions suppressions;

    Unsubscribes(EmailStore store, Suppressions suppressions) {
        this.store = store;
        this.suppressions = suppressions;
    }

    /** The addresses the email went to; empty when the email is gone. Repeating it changes nothing. */
    @Transactional
    public Optional<List<String>> unsubscribe(UUID emailId) {
        return store.find(emailId).map(email -> {
            email.to().forEach(address -> suppressions.add(address, "unsubscribed", emailId, null, null));
            return email.to();
        });
    }

    /** Whether the email exists: what the confirmation page needs. */
    @Transactional(readOnly = true)
    public boolean exists(UUID emailId) {
        return store.find(emailId).isPresent();
    }
}
