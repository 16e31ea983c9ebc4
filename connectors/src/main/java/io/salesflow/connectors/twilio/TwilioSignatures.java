package io.salesflow.connectors.twilio;

import com.twilio.security.RequestValidator;
import java.util.Map;

/** Checks {@code X-Twilio-Signature}: HMAC-SHA1 over the URL Twilio called and the sorted form parameters. */
public final class TwilioSignatures {

    private TwilioSignatures() {}

    /**
     * @param url the full URL Twilio called, as Twilio saw it (the public URL, with any query string)
     * @param params the form parameters of the POST
     */
    public static boolean valid(String authToken, String url, Map<String, String> params, String signature) {
        if (authToken == null || signature == null || signature.isBlank()) {
            return false;
        }
        return new RequestValidator(authToken).validate(url, params, signature);
    }
}
