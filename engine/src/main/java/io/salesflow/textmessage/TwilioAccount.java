package io.salesflow.textmessage;

/**
 * A workspace's Twilio account as the sending side needs it, auth token opened. Never leaves the module.
 *
 * @param fromNumber the SMS sender in E.164, or null when the Messaging Service sends
 * @param whatsappFrom the WhatsApp sender ({@code whatsapp:+...}), or null when the Messaging Service sends
 */
record TwilioAccount(
        String accountSid, String authToken, String fromNumber, String messagingServiceSid, String whatsappFrom) {

    /** Whether this account can send on {@code channel}. */
    boolean sends(String channel) {
        return "whatsapp".equals(channel)
                ? whatsappFrom != null || messagingServiceSid != null
                : fromNumber != null || messagingServiceSid != null;
    }

    @Override
    public String toString() {
        return "TwilioAccount[" + accountSid + "]";
    }
}
