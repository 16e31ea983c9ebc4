package io.salesflow.connectors.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.connectors.webhook.StandardWebhooks.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardWebhooksTest {

    // The example of the Standard Webhooks reference implementations' test suites.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final Instant THEN = Instant.ofEpochSecond(TIMESTAMP);

    @Test
    void signsLikeTheReferenceImplementations() {
        assertThat(StandardWebhooks.signatureHeader(List.of(SECRET), ID, TIMESTAMP, BODY))
                .isEqualTo(SIGNATURE);
    }

    @Test
    void acceptsTheReferenceSignatureAmongOthersAndDuringARotation() {
        String other = StandardWebhooks.newSecret();
        String header = "v2,abc v1,AAAA " + SIGNATURE;
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, "" + TIMESTAMP, header, BODY, THEN))
                .isNull();
        assertThat(StandardWebhooks.verify(List.of(other, SECRET), ID, "" + TIMESTAMP, SIGNATURE, BODY, THEN))
                .isNull();
        String rotating = StandardWebhooks.signatureHeader(List.of(other, SECRET), ID, TIMESTAMP, BODY);
        assertThat(rotating.split(" ")).hasSize(2).contains(SIGNATURE);
        assertThat(StandardWebhooks.verify(List.of(other), ID, "" + TIMESTAMP, rotating, BODY, THEN))
                .isNull();
    }

    @Test
    void refusesAChangedBodyIdOrTimestampAndAnotherSecret() {
        byte[] changed = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, "" + TIMESTAMP, SIGNATURE, changed, THEN))
                .isEqualTo(Refusal.BAD_SIGNATURE);
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID + "x", "" + TIMESTAMP, SIGNATURE, BODY, THEN))
                .isEqualTo(Refusal.BAD_SIGNATURE);
        assertThat(StandardWebhooks.verify(
                        List.of(SECRET), ID, "" + (TIMESTAMP + 1), SIGNATURE, BODY, THEN.plusSeconds(1)))
                .isEqualTo(Refusal.BAD_SIGNATURE);
        assertThat(StandardWebhooks.verify(
                        List.of(StandardWebhooks.newSecret()), ID, "" + TIMESTAMP, SIGNATURE, BODY, THEN))
                .isEqualTo(Refusal.BAD_SIGNATURE);
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, "" + TIMESTAMP, "v1,not base64!", BODY, THEN))
                .isEqualTo(Refusal.BAD_SIGNATURE);
    }

    @Test
    void refusesTimestampsMoreThanFiveMinutesAwayEitherWay() {
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, "" + TIMESTAMP, SIGNATURE, BODY, THEN.plusSeconds(300)))
                .isNull();
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, "" + TIMESTAMP, SIGNATURE, BODY, THEN.plusSeconds(301)))
                .isEqualTo(Refusal.STALE_TIMESTAMP);
        assertThat(StandardWebhooks.verify(
                        List.of(SECRET), ID, "" + TIMESTAMP, SIGNATURE, BODY, THEN.minusSeconds(301)))
                .isEqualTo(Refusal.STALE_TIMESTAMP);
    }

    @Test
    void refusesMissingOrMalformedHeaders() {
        assertThat(StandardWebhooks.verify(List.of(SECRET), null, "" + TIMESTAMP, SIGNATURE, BODY, THEN))
                .isEqualTo(Refusal.MISSING_HEADERS);
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, "yesterday", SIGNATURE, BODY, THEN))
                .isEqualTo(Refusal.MISSING_HEADERS);
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, "" + TIMESTAMP, " ", BODY, THEN))
                .isEqualTo(Refusal.MISSING_HEADERS);
    }
}
