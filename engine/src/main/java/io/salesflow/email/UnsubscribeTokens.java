package io.salesflow.email;

import io.salesflow.platform.secrets.SecretBox;
import java.nio.ByteBuffer;
import java.util.Base64;
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

    private final SecretBox secrets;

    UnsubscribeTokens(SecretBox secrets) {
        this.secrets = secrets;
    }

    /** What a token names. */
    record Target(UUID tenantId, UUID emailId) {}

    String issue(UUID tenantId, UUID emailId) {
        ByteBuffer ids = ByteBuffer.allocate(32)
                .putLong(tenantId.getMostSignificantBits())
                .putLong(tenantId.getLeastSignificantBits())
                .putLong(emailId.getMostSignificantBits())
                .putLong(emailId.getLeastSignificantBits());
        String plain = Base64.getUrlEncoder().withoutPadding().encodeToString(ids.array());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secrets.seal(plain, CONTEXT));
    }

    /** The target of a genuine token; empty for anything else. */
    Optional<Target> open(String token) {
        if (token == null || token.length() > MAX_LENGTH || !token.matches("^[A-Za-z0-9_-]+$")) {
            return Optional.empty();
        }
        try {
            byte[] sealed = Base64.getUrlDecoder().decode(token);
            byte[] ids = Base64.getUrlDecoder().decode(secrets.open(sealed, CONTEXT));
            if (ids.length != 32) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(ids);
            return Optional.of(new Target(
                    new UUID(buffer.getLong(), buffer.getLong()), new UUID(buffer.getLong(), buffer.getLong())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
