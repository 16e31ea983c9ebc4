package io.salesflow.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * When a failed webhook delivery is tried again: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 24 h after the failed
 * attempts 1 to 7; after the eighth attempt it is given up. A receiver's {@code Retry-After} (seconds or an HTTP
 * date) is honoured within a day.
 */
final class WebhookRetrySchedule {

    static final List<Duration> DELAYS = List.of(
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(24));
    static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(24);

    private WebhookRetrySchedule() {}

    /** The wait after failed attempt {@code attempt} (counted from 1); empty when it was the last one. */
    static Optional<Duration> delayAfter(int attempt) {
        return attempt >= 1 && attempt <= DELAYS.size() ? Optional.of(DELAYS.get(attempt - 1)) : Optional.empty();
    }

    /** A {@code Retry-After} header as a wait from now, within 1 s and a day; empty when it says nothing usable. */
    static Optional<Duration> retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        Duration wait;
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                wait = Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException e) {
                wait = LONGEST_RETRY_AFTER;
            }
        } else {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                wait = Duration.between(clock.instant(), at);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (wait.compareTo(Duration.ofSeconds(1)) < 0) {
            wait = Duration.ofSeconds(1);
        }
        return Optional.of(wait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : wait);
    }
}
