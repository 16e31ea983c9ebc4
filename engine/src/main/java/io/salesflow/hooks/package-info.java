/**
 * Inbound webhooks: endpoints an admin configures under {@code /hooks/{tenant}/{slug}}, each verified by a signature
 * scheme (Standard Webhooks, Meta, Twilio) and mapped to a lead or a process message; deliveries are deduplicated,
 * written before they are answered and mapped afterwards by a worker, with a visible outcome per event.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "connectors",
            "identity",
            "lead",
            "outbox",
            "platform",
            "process::message",
            "ratelimit",
            "tenancy"
        })
package io.salesflow.hooks;
