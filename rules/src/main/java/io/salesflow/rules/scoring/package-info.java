/**
 * Lead scoring: rule sets held as data (or admin DRL) compiled to immutable Drools KieBases that score a lead 0-100
 * with a temperature band and the rules that fired.
 */
package io.salesflow.rules.scoring;
