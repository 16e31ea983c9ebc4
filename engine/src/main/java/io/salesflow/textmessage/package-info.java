/**
 * Text messages: SMS and WhatsApp to and from leads and contacts through each workspace's Twilio account. A send is
 * written with its outbox row in one transaction and leaves through the {@code sms} outbox channel and the
 * {@code twilio-send} route; Twilio's signed callbacks move its status on; inbound messages land on the sender's
 * timeline and raise {@link io.salesflow.engagement.ReplyReceived}; STOP keywords put the number on the opt-out list.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "activity",
            "audit",
            "connectors",
            "engagement",
            "identity",
            "outbox",
            "platform",
            "ratelimit",
            "records",
            "tenancy"
        })
package io.salesflow.textmessage;
