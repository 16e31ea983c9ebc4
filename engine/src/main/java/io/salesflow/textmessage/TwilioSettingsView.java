package io.salesflow.textmessage;

import java.time.Instant;

/**
 * The workspace's Twilio settings as the API shows them: the auth token is write-only ({@code authTokenSet} says
 * whether one is stored). The callback URLs are what to paste into Twilio (the number's or Messaging Service's
 * "A message comes in" webhook: {@code inboundUrl}); the status callback is sent with every message.
 */
public record TwilioSettingsView(
        boolean configured,
        String accountSid,
        boolean authTokenSet,
        String fromNumber,
        String messagingServiceSid,
        String whatsappFrom,
        String statusCallbackUrl,
        String inboundUrl,
        Instant updatedAt) {}
