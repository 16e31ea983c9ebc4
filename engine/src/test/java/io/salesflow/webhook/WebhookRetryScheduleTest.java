package io.salesflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesflow.connectors.webhook.WebhookAnswer;
import io.salesflow.outbox.DeliveryOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The retry schedule and what each answer means, on a fixed clock. */
class WebhookRetryScheduleTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static final WebhookProperties PROPERTIES =
            new WebhookProperties(List.of(), Duration.ofSeconds(15), Duration.ofHours(24), 20, 100);

    private final WebhookChannel channel = new WebhookChannel(null, null, null, PROPERTIES, null, CLOCK, null);

    private static WebhookAnswer answer(int status, String retryAfter) {
        return new WebhookAnswer(status, retryAfter, null, 12, status == 0 ? "connection refused" : null);
    }

    @Test
    void failuresAreRetriedAfter5s5min30min2h5h10hAnd24hThenGivenUp() {
        List<Duration> waits = new ArrayList<>();
        int attempt = 1;
        Optional<Duration> wait;
        while ((wait = channel.retryDelay(attempt)).isPresent()) {
            waits.add(wait.get());
            attempt++;
        }
        assertThat(waits)
                .containsExactly(
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(30),
                        Duration.ofHours(2),
                        Duration.ofHours(5),
                        Duration.ofHours(10),
                        Duration.ofHours(24));
        assertThat(attempt).as("the attempt after which nothing follows").isEqualTo(8);

        Instant next = CLOCK.instant();
        for (int failed = 1; failed <= 7; failed++) {
            assertThat(channel.decide(answer(500, null), failed).relay()).isInstanceOf(DeliveryOutcome.Retry.class);
            next = next.plus(channel.retryDelay(failed).orElseThrow());
        }
        assertThat(next).isEqualTo(Instant.parse("2026-03-03T03:35:05Z"));
        assertThat(channel.decide(answer(500, null), 8).relay()).isInstanceOf(DeliveryOutcome.GiveUp.class);
        assertThat(channel.decide(answer(500, null), 8).attemptOutcome()).isEqualTo("FAILED");
    }

    @Test
    void eachAnswerMeansWhatTheSpecificationSays() {
        assertThat(channel.decide(answer(200, null), 1).relay()).isInstanceOf(DeliveryOutcome.Delivered.class);
        assertThat(channel.decide(answer(299, null), 3).relay()).isInstanceOf(DeliveryOutcome.Delivered.class);

        WebhookChannel.Decision gone = channel.decide(answer(410, null), 1);
        assertThat(gone.relay()).isInstanceOf(DeliveryOutcome.GiveUp.class);
        assertThat(gone.disableReason()).contains("410");

        DeliveryOutcome redirect = channel.decide(answer(301, null), 1).relay();
        assertThat(redirect).isInstanceOf(DeliveryOutcome.Retry.class);
        assertThat(((DeliveryOutcome.Retry) redirect).reason()).contains("redirects are not followed");

        DeliveryOutcome noAnswer = channel.decide(answer(0, null), 2).relay();
        assertThat(((DeliveryOutcome.Retry) noAnswer).after())
                .as("on the schedule")
                .isNull();
    }

    @Test
    void a429WaitsForRetryAfterInSecondsOrAsADateWithinADay() {
        DeliveryOutcome seconds = channel.decide(answer(429, "120"), 1).relay();
        assertThat(((DeliveryOutcome.Retry) seconds).after()).isEqualTo(Duration.ofSeconds(120));

        DeliveryOutcome date =
                channel.decide(answer(429, "Sun, 01 Mar 2026 10:30:00 GMT"), 1).relay();
        assertThat(((DeliveryOutcome.Retry) date).after()).isEqualTo(Duration.ofMinutes(30));

        DeliveryOutcome far = channel.decide(answer(429, "999999"), 1).relay();
        assertThat(((DeliveryOutcome.Retry) far).after()).isEqualTo(Duration.ofHours(24));

        DeliveryOutcome past =
                channel.decide(answer(429, "Sun, 01 Mar 2026 09:00:00 GMT"), 1).relay();
        assertThat(((DeliveryOutcome.Retry) past).after()).isEqualTo(Duration.ofSeconds(1));

        DeliveryOutcome nonsense = channel.decide(answer(429, "soon"), 1).relay();
        assertThat(((DeliveryOutcome.Retry) nonsense).after())
                .as("on the schedule")
                .isNull();

        assertThat(channel.decide(answer(429, "120"), 8).relay())
                .as("Retry-After never outlasts the schedule")
                .isInstanceOf(DeliveryOutcome.GiveUp.class);
    }
}
