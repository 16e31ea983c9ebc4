package io.salesflow.payment;

import io.salesflow.email.EmailProperties;
import io.salesflow.platform.secrets.SecretBox;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Links that let an invoice's recipient download its PDF without an account: the tenant and invoice sealed with the
 * installation's secret box, so a link names one invoice and cannot be made up or altered.
 */
@Component
public class InvoiceLinks {

    /** The public path an invoice link opens. */
    public static final String PATH = "/invoice-pdf/";

    private static final String CONTEXT = "invoice-pdf";
    private static final int MAX_LENGTH = 200;

    private final SecretBox secrets;
    private final EmailProperties email;

    InvoiceLinks(SecretBox secrets, EmailProperties email) {
        this.secrets = secrets;
        this.email = email;
    }

    /** What a token names. */
    public record Target(UUID tenantId, UUID invoiceId) {}

    String url(UUID tenantId, UUID invoiceId) {
        return email.publicUrl().replaceAll("/+$", "") + PATH + token(tenantId, invoiceId);
    }

    String token(UUID tenantId, UUID invoiceId) {
        ByteBuffer ids = ByteBuffer.allocate(32)
                .putLong(tenantId.getMostSignificantBits())
                .putLong(tenantId.getLeastSignificantBits())
                .putLong(invoiceId.getMostSignificantBits())
                .putLong(invoiceId.getLeastSignificantBits());
        String plain = Base64.getUrlEncoder().withoutPadding().encodeToString(ids.array());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secrets.seal(plain, CONTEXT));
    }

    /** The target of a genuine token; empty for anything else. */
    public Optional<Target> open(String token) {
        if (token == null || token.length() > MAX_LENGTH || !token.matches("^[A-Za-z0-9_-]+$")) {
            return Optional.empty();
        }
        try {
            byte[] ids = Base64.getUrlDecoder()
                    .decode(secrets.open(Base64.getUrlDecoder().decode(token), CONTEXT));
            if (ids.length != 32) {
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
