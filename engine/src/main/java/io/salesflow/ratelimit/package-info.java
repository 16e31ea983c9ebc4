/**
 * Rate limits shared by all replicas through PostgreSQL: requests per caller and per workspace on the API,
 * sign-ins and failed API-key authentications per client address.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "tenancy"})
package io.salesflow.ratelimit;
