/**
 * Custom fields: each workspace defines its own fields (text, number, date, picklist, boolean, lookup) on
 * accounts, contacts, leads and deals; records keep the values, checked against the definitions, and the list
 * language filters and sorts by them.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"audit", "identity", "platform", "records", "tenancy"})
package io.salesflow.customfield;
