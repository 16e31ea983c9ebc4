/** The append-only audit log: who changed what, before and after, written in the transaction of the change. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "tenancy"})
package io.salesflow.audit;
