/**
 * Messages from outside to waiting process instances: the gateway behind {@code /api/v1/messages}, which other modules
 * (inbound webhooks) use with the same semantics.
 */
@org.springframework.modulith.NamedInterface("message")
package io.salesflow.process.message;
