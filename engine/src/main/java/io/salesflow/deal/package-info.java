/**
 * Deals and the pipelines they move through: the tenant's pipelines with ordered stages, its won and lost
 * reasons, and deals with amount, stage, probability and outcome, announced as events.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"account", "audit", "contact", "identity", "platform", "records", "tenancy"})
package io.salesflow.deal;
