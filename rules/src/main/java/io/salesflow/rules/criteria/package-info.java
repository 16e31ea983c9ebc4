/** Conditions on lead fields and engagement, held as data and written out as DRL constraints. */
package io.salesflow.rules.criteria;
