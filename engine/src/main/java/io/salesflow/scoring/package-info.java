/**
 * Lead scoring: each tenant's versioned scoring rule sets (rules as data or admin DRL, compiled by the rules
 * module), a score with its explanation for every lead at intake, on engagement and after an activation
 * (rescoring every lead in resumable background jobs), and the score history.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "engagement", "identity", "lead", "platform", "records", "tenancy"})
package io.salesflow.scoring;
