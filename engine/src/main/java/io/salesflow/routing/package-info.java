/**
 * Lead routing: versioned rule sets (Drools, from the {@code rules} module) choose a team for a new lead, a
 * distributor picks the rep within it (weights, caps, absences), and every assignment is kept with its
 * explanation, manual reassignments with who and why.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "identity", "lead", "platform", "records", "tenancy"})
package io.salesflow.routing;
