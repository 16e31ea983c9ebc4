/**
 * Email out: each workspace's sender settings (SMTP server, sealed password, from address, reply domain, send rate),
 * email records in both directions on the timelines of the leads and contacts they belong to, sending through the
 * transactional outbox and the {@code smtp-send} Camel route, one-click unsubscribe and the suppression list every
 * send honours, and versioned templates rendered with Mustache.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "activity",
            "audit",
            "connectors",
            "engagement",
            "identity",
            "mailbox",
            "outbox",
            "platform",
            "ratelimit",
            "records",
            "tenancy"
        })
package io.salesflow.email;
