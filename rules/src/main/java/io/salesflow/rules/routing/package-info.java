/**
 * Lead routing: data-defined rules compiled to Drools pick a team or queue, then a deterministic distributor picks
 * a rep in it (weights, caps, availability, fairness over time), each with an explanation.
 */
package io.salesflow.rules.routing;
