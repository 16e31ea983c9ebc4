/**
 * Contracts for deals: each workspace's templates (XHTML with Mustache variables, checked by laying them out as PDF),
 * contracts generated as PDF with the deal's figures and line items, signers with tokenised expiring links, the
 * public signing page's use cases and their evidence, the signed copy with its certificate page, and a hash chain over
 * every contract's events that anyone with access can verify. The contract-signing process drives the sending,
 * reminders and outcomes through the events published here.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "deal", "email", "identity", "platform", "ratelimit", "records", "tenancy"})
package io.salesflow.contract;
