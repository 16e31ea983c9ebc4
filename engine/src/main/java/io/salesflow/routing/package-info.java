/**
 * Lead routing: versioned rule sets (Drools, from the {@code rules} module) choose a team for a new lead, a
 * distributor picks the rep within it (weights, caps, absences), and every assignment is kept with its
 * explanation, manual reassignments with who and why.
 */
package io.salesflow.routing;
