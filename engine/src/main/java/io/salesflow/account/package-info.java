/** Accounts: the companies a tenant sells to, with addresses, owner, team, territory and a parent hierarchy. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "platform", "records", "tenancy"})
package io.salesflow.account;
