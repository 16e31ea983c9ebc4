package io.salesflow.connectors.webhook;

/**
 * What came of a {@link WebhookCall}.
 *
 * @param status the HTTP status, or 0 when no response came (refused address, connection failure, timeout)
 * @param retryAfter the {@code Retry-After} header as sent, or null
 * @param body the start of the response body (bounded), or null
 * @param millis how long the call took
 * @param error why no response came, or null
 */
public record WebhookAnswer(int status, String retryAfter, String body, long millis, String error) {

    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
