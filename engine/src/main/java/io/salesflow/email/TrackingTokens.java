package io.salesflow.email;

import io.salesflow.platform.secrets.SecretBox;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tokens of an email's open pixel and tracked links: the tenant, the email and (for a link) the URL it stood for,
 * sealed with the installation's key. A click can only ever lead to the URL sealed in its token, so the redirect is
 * no open redirect; an altered token opens to nothing.
 */
@Component
class TrackingTokens {

    private static final String CONTEXT = "email-tracking";
    private static final int MAX_LENGTH = 4000;

    private final SecretBox secrets;

    TrackingTokens(SecretBox secrets) {
        this.secrets = secrets;
    }

    /** What a token names; {@code url} is null for the open pixel. */
    record Target(UUID tenantId, UUID emailId, String url) {}

    String issue(UUID tenantId, UUID emailId, String url) {
        String plain = tenantId + "|" + emailId + "|" + (url == null ? "" : url);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secrets.seal(plain, CONTEXT));
    }

    Optional<Target> open(String token) {
        if (token == null || token.length() > MAX_LENGTH || !token.matches("^[A-Za-z0-9_-]+$")) {
            return Optional.empty();
        }
        try {
            String plain =
                    secrets.open(Base64.getUrlDecoder().decode(token.getBytes(StandardCharsets.US_ASCII)), CONTEXT);
            String[] parts = plain.split("\\|", 3);
            if (parts.length != 3) {
                return Optional.empty();
            }
            return Optional.of(new Target(
                    UUID.fromString(parts[0]), UUID.fromString(parts[1]), parts[2].isEmpty() ? null : parts[2]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
