/** The facts rules reason about: a lead's fields and its engagement events, as records. */
package io.salesflow.rules.facts;
