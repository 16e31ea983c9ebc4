/**
 * The gateway to the embedded Camunda 7 engine: its safe configuration, its copy of our users, groups and
 * tenants, and who it thinks is calling; the shipped processes deployed per tenant, the beans they call (the
 * catalogue), the events that start and steer them, and the APIs for tasks, approvals, messages and process
 * administration. Engine calls go through here so a move to a fork stays mechanical.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "activity",
            "audit",
            "calendar",
            "contract",
            "deal",
            "email",
            "engagement",
            "identity",
            "lead",
            "payment",
            "platform",
            "records",
            "routing",
            "scoring",
            "sequence",
            "tenancy",
            "textmessage",
            "webhook"
        })
package io.salesflow.process;
