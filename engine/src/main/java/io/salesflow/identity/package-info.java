/**
 * Who may do what: users, roles with their permission matrix, teams, login with rotating tokens, API keys
 * for external systems, and the security filter chain that turns credentials into a {@link io.salesflow.identity.Caller}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "platform", "ratelimit", "tenancy"})
package io.salesflow.identity;
