package io.salesflow.connectors.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Meta's and Twilio's signatures, checked against signatures made here with javax.crypto as their docs describe. */
class InboundSignaturesTest {

    private static final byte[] BODY = "{\"object\":\"page\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void metaAcceptsItsHexHmacUnderAnyCurrentAppSecretAndNothingElse() throws Exception {
        String header = "sha256=" + HexFormat.of().formatHex(mac("HmacSHA256", "app-secret", BODY));

        assertThat(MetaSignatures.verify(List.of("app-secret"), header, BODY)).isTrue();
        assertThat(MetaSignatures.verify(List.of("new-secret", "app-secret"), header, BODY))
                .isTrue();
        assertThat(MetaSignatures.verify(List.of("other"), header, BODY)).isFalse();
        assertThat(MetaSignatures.verify(List.of("app-secret"), header, "{}".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(MetaSignatures.verify(List.of("app-secret"), header.replace("sha256=", "sha1="), BODY))
                .isFalse();
        assertThat(MetaSignatures.verify(List.of("app-secret"), "sha256=not-hex", BODY))
                .isFalse();
        assertThat(MetaSignatures.verify(List.of("app-secret"), null, BODY)).isFalse();
        assertThat(MetaSignatures.signatureHeader("app-secret", BODY)).isEqualTo(header);
    }

    @Test
    void metaVerifyTokensMustMatchExactly() {
        assertThat(MetaSignatures.verifyToken("token", "token")).isTrue();
        assertThat(MetaSignatures.verifyToken("token", "Token")).isFalse();
        assertThat(MetaSignatures.verifyToken(null, "token")).isFalse();
        assertThat(MetaSignatures.verifyToken("token", null)).isFalse();
    }

    @Test
    void twilioSignsTheUrlAndTheSortedFormParameters() throws Exception {
        String url = "https://crm.example.com/hooks/acme/sms?tenant=1";
        Map<String, String> params = Map.of("To", "+18005551212", "From", "+14158675310", "Body", "Hi");
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        String header = Base64.getEncoder()
                .encodeToString(mac("HmacSHA1", "auth-token", data.toString().getBytes(StandardCharsets.UTF_8)));

        assertThat(TwilioSignatures.verifyForm(List.of("auth-token"), url, params, header))
                .isTrue();
        assertThat(TwilioSignatures.verifyForm(List.of("old", "auth-token"), url, params, header))
                .isTrue();
        assertThat(TwilioSignatures.verifyForm(List.of("other"), url, params, header))
                .isFalse();
        assertThat(TwilioSignatures.verifyForm(List.of("auth-token"), url + "&x=1", params, header))
                .isFalse();
        assertThat(TwilioSignatures.verifyForm(List.of("auth-token"), url, Map.of("Body", "Hi"), header))
                .isFalse();
        assertThat(TwilioSignatures.verifyForm(List.of("auth-token"), url, params, null))
                .isFalse();
    }

    @Test
    void twilioSignsAJsonBodyThroughItsHashInTheUrl() throws Exception {
        String body = "{\"MessageSid\":\"SM1\"}";
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        String url = "https://crm.example.com/hooks/acme/sms?bodySHA256=" + hash;
        String header =
                Base64.getEncoder().encodeToString(mac("HmacSHA1", "auth-token", url.getBytes(StandardCharsets.UTF_8)));

        assertThat(TwilioSignatures.verifyBody(List.of("auth-token"), url, body, header))
                .isTrue();
        assertThat(TwilioSignatures.verifyBody(List.of("auth-token"), url, body + " ", header))
                .isFalse();
    }

    private static byte[] mac(String algorithm, String key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
        return mac.doFinal(data);
    }
}
