/** Leads: prospects before qualification, their status flow, and the events processes start from. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"account", "contact", "deal", "identity", "platform", "records", "tenancy"})
package io.salesflow.lead;
