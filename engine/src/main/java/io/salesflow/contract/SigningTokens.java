package io.salesflow.contract;

import io.salesflow.platform.secrets.SealedIds;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The token of a signer's link: its tenant, signer and 16 random bytes, sealed with the installation's key (AES-GCM:
 * secret and unforgeable), URL-safe. Only its SHA-256 is stored with the signer, and a new link replaces the old one,
 * so a link works only while it is the signer's latest and its contract is out (or signed, to fetch the copy).
 */
@Component
class SigningTokens {

    private static final String CONTEXT = "contract-signing";
    private static final int MAX_LENGTH = 300;
    private static final int RANDOM_BYTES = 16;

    private final SealedIds sealed;

    SigningTokens(SealedIds sealed) {
        this.sealed = sealed;
    }

    /** What a token names. */
    record Target(UUID tenantId, UUID signerId) {}

    String issue(UUID tenantId, UUID signerId) {
        return sealed.seal(CONTEXT, tenantId, signerId, RANDOM_BYTES);
    }

    static byte[] hash(String token) {
        return Sha256.digest(token.getBytes(StandardCharsets.US_ASCII));
    }

    /** The target of a genuine token; empty for anything else. */
    Optional<Target> open(String token) {
        return sealed.open(CONTEXT, token, RANDOM_BYTES, MAX_LENGTH).map(ids -> new Target(ids.first(), ids.second()));
    }
}
