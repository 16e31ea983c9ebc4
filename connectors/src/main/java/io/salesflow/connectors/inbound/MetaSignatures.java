package io.salesflow.connectors.inbound;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's webhook signatures (Facebook, Instagram, WhatsApp Cloud API): {@code X-Hub-Signature-256: sha256=<hex>}, the
 * HMAC-SHA256 of the raw body under the app secret; and the {@code hub.verify_token} of the subscription handshake.
 */
public final class MetaSignatures {

    public static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private MetaSignatures() {}

    /** Whether {@code header} is the signature of {@code body} under any of {@code appSecrets} (compared in constant time). */
    public static boolean verify(List<String> appSecrets, String header, byte[] body) {
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (String secret : appSecrets) {
            if (MessageDigest.isEqual(hmac(secret, body), given)) {
                return true;
            }
        }
        return false;
    }

    /** The header Meta would send for {@code body}. */
    public static String signatureHeader(String appSecret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(appSecret, body));
    }

    /** Whether the handshake's token is the one configured (compared in constant time). */
    public static boolean verifyToken(String expected, String given) {
        return expected != null
                && given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
