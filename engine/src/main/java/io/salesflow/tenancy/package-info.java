/** Tenants and tenant isolation: the tenant of the current work and how it reaches PostgreSQL row-level security. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package io.salesflow.tenancy;
