/** Leads: prospects before qualification, their status flow, and the events processes start from. */
package io.salesflow.lead;
