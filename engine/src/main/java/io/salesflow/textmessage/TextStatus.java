package io.salesflow.textmessage;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A text message's statuses and their order. Twilio's callbacks arrive out of order (delivered before sent is
 * normal), so a status only ever moves forward: queued, then sent, then delivered, failed or undelivered, then read.
 */
final class TextStatus {

    static final String QUEUED = "queued";
    static final String SENT = "sent";
    static final String DELIVERED = "delivered";
    static final String READ = "read";
    static final String FAILED = "failed";
    static final String UNDELIVERED = "undelivered";
    static final String OPTED_OUT = "opted_out";
    static final String RECEIVED = "received";

    private static final Map<String, Integer> RANK =
            Map.of(QUEUED, 0, SENT, 1, DELIVERED, 2, FAILED, 2, UNDELIVERED, 2, READ, 3, OPTED_OUT, 4, RECEIVED, 4);

    private static final Map<String, String> FROM_TWILIO = Map.ofEntries(
            Map.entry("accepted", QUEUED),
            Map.entry("scheduled", QUEUED),
            Map.entry("queued", QUEUED),
            Map.entry("sending", SENT),
            Map.entry("sent", SENT),
            Map.entry("delivered", DELIVERED),
            Map.entry("undelivered", UNDELIVERED),
            Map.entry("failed", FAILED),
            Map.entry("canceled", FAILED),
            Map.entry("read", READ));

    private TextStatus() {}

    /** Our status for Twilio's {@code MessageStatus}; empty for statuses of inbound messages or unknown ones. */
    static Optional<String> fromTwilio(String twilioStatus) {
        return twilioStatus == null
                ? Optional.empty()
                : Optional.ofNullable(FROM_TWILIO.get(twilioStatus.toLowerCase(Locale.ROOT)));
    }

    /** Whether {@code next} is ahead of {@code current}: the only moves a callback may make. */
    static boolean isForward(String current, String next) {
        return RANK.getOrDefault(next, -1) > RANK.getOrDefault(current, Integer.MAX_VALUE);
    }
}
