package io.salesflow.hooks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How an endpoint tells a vendor's call from a forgery. */
public enum InboundScheme {
    /** Standard Webhooks: HMAC-SHA256 of id, timestamp and body under a secret Salesflow generates. */
    STANDARD,
    /** Meta: {@code X-Hub-Signature-256} under the app secret, and the subscription handshake. */
    META,
    /** Twilio: {@code X-Twilio-Signature} over the URL and form parameters under the auth token. */
    TWILIO;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<InboundScheme> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(InboundScheme::code).toList();
    }
}
