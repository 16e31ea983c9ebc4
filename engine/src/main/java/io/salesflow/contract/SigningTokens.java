package io.salesflow.contract;

import io.salesflow.platform.secrets.SecretBox;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
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
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretBox secrets;

    SigningTokens(SecretBox secrets) {
        this.secrets = secrets;
    }

    /** What a token names. */
    record Target(UUID tenantId, UUID signerId) {}

    String issue(UUID tenantId, UUID signerId) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        ByteBuffer ids = ByteBuffer.allocate(48)
                .putLong(tenantId.getMostSignificantBits())
                .putLong(tenantId.getLeastSignificantBits())
                .putLong(signerId.getMostSignificantBits())
                .putLong(signerId.getLeastSignificantBits())
                .put(nonce);
        String plain = Base64.getUrlEncoder().withoutPadding().encodeToString(ids.array());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secrets.seal(plain, CONTEXT));
    }

    static byte[] hash(String token) {
        return Sha256.digest(token.getBytes(StandardCharsets.US_ASCII));
    }

    /** The target of a genuine token; empty for anything else. */
    Optional<Target> open(String token) {
        if (token == null || token.length() > MAX_LENGTH || !token.matches("^[A-Za-z0-9_-]+$")) {
            return Optional.empty();
        }
        try {
            byte[] sealed = Base64.getUrlDecoder().decode(token);
            byte[] ids = Base64.getUrlDecoder().decode(secrets.open(sealed, CONTEXT));
            if (ids.length != 48) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(ids);
            return Optional.of(new Target(
                    new UUID(buffer.getLong(), buffer.getLong()), new UUID(buffer.getLong(), buffer.getLong())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
