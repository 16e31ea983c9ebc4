/** Compiles DRL text into a Drools KieBase in memory and reports what is wrong with it rule by rule. */
package io.salesflow.rules.drl;
