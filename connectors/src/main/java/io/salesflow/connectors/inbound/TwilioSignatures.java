package io.salesflow.connectors.inbound;

import com.twilio.security.RequestValidator;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

/**
 * Twilio's request signatures ({@code X-Twilio-Signature}): the HMAC-SHA1 of the full URL followed by the sorted form
 * parameters, under the account's auth token, checked by the Twilio SDK's {@link RequestValidator}. A JSON body is
 * signed through the {@code bodySHA256} query parameter instead.
 */
public final class TwilioSignatures {

    public static final String HEADER = "X-Twilio-Signature";
    /** The id Twilio keeps across its retries of one callback. */
    public static final String IDEMPOTENCY_TOKEN = "I-Twilio-Idempotency-Token";

    private TwilioSignatures() {}

    /** Whether a form-encoded call to {@code url} with {@code params} is signed by any of {@code authTokens}. */
    public static boolean verifyForm(List<String> authTokens, String url, Map<String, String> params, String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        for (String token : authTokens) {
            if (new RequestValidator(token).validate(url, params, header)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a call with a JSON {@code body} to {@code url} (carrying {@code bodySHA256}) is signed. */
    public static boolean verifyBody(List<String> authTokens, String url, String body, String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        for (String token : authTokens) {
            try {
                if (new RequestValidator(token).validate(url, body, header)) {
                    return true;
                }
            } catch (URISyntaxException e) {
                return false;
            }
        }
        return false;
    }
}
