package io.salesflow.email;

import io.salesflow.platform.secrets.SealedIds;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The token of an email's unsubscribe link: its tenant and id sealed with the installation's key (AES-GCM, so it is
 * both secret and unforgeable), URL-safe. Nothing is stored: the link works as long as the key does.
 */
@Component
class UnsubscribeTokens {

    private static final String CONTEXT = "email-unsubscribe";
    private static final int MAX_LENGTH = 200;

    private final SealedIds sealed;

    UnsubscribeTokens(SealedIds sealed) {
        this.sealed = sealed;
    }

    /** What a token names. */
    record Target(UUID tenantId, UUID emailId) {}

    String issue(UUID tenantId, UUID emailId) {
        return sealed.seal(CONTEXT, tenantId, emailId, 0);
    }

    /** The target of a genuine token; empty for anything else. */
    Optional<Target> open(String token) {
        return sealed.open(CONTEXT, token, 0, MAX_LENGTH).map(ids -> new Target(ids.first(), ids.second()));
    }
}
