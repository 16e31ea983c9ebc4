package io.salesflow.connectors.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures of the Standard Webhooks specification (standardwebhooks.com): HMAC-SHA256 over
 * {@code id.timestamp.body}, sent as {@code webhook-signature: v1,<base64>} — several, space-separated, while a
 * secret is being rotated. Secrets are {@code whsec_} followed by the base64 of the key.
 */
public final class StandardWebhooks {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private StandardWebhooks() {}

    /** A new secret of 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header for {@code body}, one signature per secret (two during a rotation). */
    public static String signatureHeader(List<String> secrets, String id, long timestamp, byte[] body) {
        List<String> signatures = new ArrayList<>();
        for (String secret : secrets) {
            signatures.add("v1," + Base64.getEncoder().encodeToString(hmac(secret, id, timestamp, body)));
        }
        return String.join(" ", signatures);
    }

    /** Why a delivery was refused; {@code null} from {@link #verify} means it is authentic and fresh. */
    public enum Refusal {
        MISSING_HEADERS,
        STALE_TIMESTAMP,
        BAD_SIGNATURE
    }

    /**
     * Checks a delivery against any of {@code secrets}: the timestamp within {@link #TOLERANCE} of {@code now} either
     * way, and one {@code v1} signature equal (in constant time) to ours.
     */
    public static Refusal verify(
            List<String> secrets, String id, String timestamp, String signatureHeader, byte[] body, Instant now) {
        if (blank(id) || blank(timestamp) || blank(signatureHeader)) {
            return Refusal.MISSING_HEADERS;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Refusal.MISSING_HEADERS;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return Refusal.STALE_TIMESTAMP;
        }
        for (String secret : secrets) {
            byte[] expected = hmac(secret, id, seconds, body);
            for (String candidate : signatureHeader.trim().split("\\s+")) {
                int comma = candidate.indexOf(',');
                if (comma < 0 || !"v1".equals(candidate.substring(0, comma))) {
                    continue;
                }
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(candidate.substring(comma + 1));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (MessageDigest.isEqual(expected, given)) {
                    return null;
                }
            }
        }
        return Refusal.BAD_SIGNATURE;
    }

    private static byte[] hmac(String secret, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
