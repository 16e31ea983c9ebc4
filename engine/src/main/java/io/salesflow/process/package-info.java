/**
 * The gateway to the embedded Camunda 7 engine: its safe configuration, its copy of our users, groups and
 * tenants, and who it thinks is calling. Engine calls go through here so a move to a fork stays mechanical.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "platform", "records", "tenancy"})
package io.salesflow.process;
