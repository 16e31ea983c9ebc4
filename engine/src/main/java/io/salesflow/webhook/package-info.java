/**
 * Outgoing webhooks: a tenant's subscriptions of URLs to domain events, a signed delivery (Standard Webhooks) per
 * event and subscription written in the event's transaction and sent through the outbox by the {@code webhook}
 * channel with its own retry schedule, the log of every attempt, redelivery, and the SSRF guard every URL passes at
 * save and at send.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "connectors", "contact", "deal", "lead", "outbox", "platform", "tenancy"})
package io.salesflow.webhook;
