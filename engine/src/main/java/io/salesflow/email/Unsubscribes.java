package io.salesflow.email;

import io.salesflow.tenancy.TenantContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One-click unsubscribe: the recipients of the email a link came with go on the suppression list. */
@Service
class Unsubscribes {

    private final EmailStore store;
    private final Suppressions suppressions;
    private final ApplicationEventPublisher events;

    Unsubscribes(EmailStore store, Suppressions suppressions, ApplicationEventPublisher events) {
        this.store = store;
        this.suppressions = suppressions;
        this.events = events;
    }

    /** The addresses the email went to; empty when the email is gone. Repeating it changes nothing. */
    @Transactional
    public Optional<List<String>> unsubscribe(UUID emailId) {
        return store.find(emailId).map(email -> {
            boolean added = false;
            for (String address : email.to()) {
                added |= suppressions.add(address, "unsubscribed", emailId, null, null);
            }
            if (added) {
                events.publishEvent(
                        new EmailUnsubscribed(TenantContext.require(), emailId, email.recordType(), email.recordId()));
            }
            return email.to();
        });
    }

    /** Whether the email exists: what the confirmation page needs. */
    @Transactional(readOnly = true)
    public boolean exists(UUID emailId) {
        return store.find(emailId).isPresent();
    }
}
