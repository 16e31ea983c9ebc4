/**
 * The transactional outbox: whatever leaves Salesflow (an email, a text message, a webhook call) is recorded here in
 * the transaction of the change that causes it, under a stable message key, and a relay delivers it afterwards
 * through the {@link io.salesflow.outbox.OutboxChannel} of its kind, retrying until it is delivered or given up.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "tenancy"})
package io.salesflow.outbox;
