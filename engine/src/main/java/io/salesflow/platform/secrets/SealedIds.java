package io.salesflow.platform.secrets;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Two ids (a tenant and what a link names) and optionally random bytes, sealed by {@link SecretBox} under a context
 * and written URL-safe: the token of a link nobody may forge or read, such as an unsubscribe or a signing link. The
 * context keeps a token of one kind from opening as another.
 */
@Component
public class SealedIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretBox secrets;

    SealedIds(SecretBox secrets) {
        this.secrets = secrets;
    }

    /** The two ids as an unforgeable id pair. */
    public record Pair(UUID first, UUID second) {}

    /** Seals the ids with {@code randomBytes} random bytes, so that two tokens for the same ids differ. */
    public String seal(String context, UUID first, UUID second, int randomBytes) {
        byte[] nonce = new byte[randomBytes];
        RANDOM.nextBytes(nonce);
        ByteBuffer ids = ByteBuffer.allocate(32 + randomBytes)
                .putLong(first.getMostSignificantBits())
                .putLong(first.getLeastSignificantBits())
                .putLong(second.getMostSignificantBits())
                .putLong(second.getLeastSignificantBits())
                .put(nonce);
        return URL.encodeToString(secrets.seal(URL.encodeToString(ids.array()), context));
    }

    /** The ids of a genuine token of this context sealed with {@code randomBytes}; empty for anything else. */
    public Optional<Pair> open(String context, String token, int randomBytes, int maxLength) {
        if (token == null || token.length() > maxLength || !token.matches("^[A-Za-z0-9_-]+$")) {
            return Optional.empty();
        }
        try {
            byte[] ids = Base64.getUrlDecoder()
                    .decode(secrets.open(Base64.getUrlDecoder().decode(token), context));
            if (ids.length != 32 + randomBytes) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(ids);
            return Optional.of(new Pair(
                    new UUID(buffer.getLong(), buffer.getLong()), new UUID(buffer.getLong(), buffer.getLong())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
