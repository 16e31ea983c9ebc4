/** Tenants and tenant isolation: the tenant of the current work and how it reaches PostgreSQL row-level security. */
package io.salesflow.tenancy;
