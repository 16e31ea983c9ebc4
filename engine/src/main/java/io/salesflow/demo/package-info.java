/** Demo tenants, users and teams for trying Salesflow out; switched off with {@code salesflow.demo.enabled=false}. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"duplicate", "identity", "platform", "routing", "tenancy"})
package io.salesflow.demo;
