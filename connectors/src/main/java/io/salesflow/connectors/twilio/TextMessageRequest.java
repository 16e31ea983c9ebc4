package io.salesflow.connectors.twilio;

/**
 * One message to send through a workspace's Twilio account. Either {@code from} or {@code messagingServiceSid}
 * names the sender; either {@code body} or {@code contentSid} (a WhatsApp template, with its variables as a JSON
 * object) the content. {@code toString} leaves the auth token out.
 *
 * @param to E.164, or {@code whatsapp:+...} for WhatsApp
 */
public record TextMessageRequest(
        String accountSid,
        String authToken,
        String to,
        String from,
        String messagingServiceSid,
        String body,
        String contentSid,
        String contentVariables,
        String statusCallback) {

    @Override
    public String toString() {
        return "TextMessageRequest[account=" + accountSid + ", to=" + to + ", from=" + from + ", service="
                + messagingServiceSid + ", contentSid=" + contentSid + "]";
    }
}
