package io.salesflow.hooks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The vendors' signatures computed the way their documentation describes them, with javax.crypto only: an
 * implementation independent of the one Salesflow checks with.
 */
public final class VendorSignatures {

    private VendorSignatures() {}

    /** Standard Webhooks: {@code v1,} base64 HMAC-SHA256 of {@code id.timestamp.body} under the base64 key of {@code whsec_…}. */
    public static String standard(String secret, String id, long timestamp, byte[] body) {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return "v1," + Base64.getEncoder().encodeToString(mac("HmacSHA256", key, signed));
    }

    /** Meta: {@code sha256=} hex HMAC-SHA256 of the raw body under the app secret. */
    public static String meta(String appSecret, byte[] body) {
        return "sha256="
                + HexFormat.of().formatHex(mac("HmacSHA256", appSecret.getBytes(StandardCharsets.UTF_8), body));
    }

    /** Twilio: base64 HMAC-SHA1 of the full URL followed by each form parameter's name and value, sorted by name. */
    public static String twilio(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        return Base64.getEncoder()
                .encodeToString(mac(
                        "HmacSHA1",
                        authToken.getBytes(StandardCharsets.UTF_8),
                        data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] mac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
