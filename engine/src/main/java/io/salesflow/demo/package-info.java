/** Demo tenants, users and teams for trying Salesflow out; switched off with {@code salesflow.demo.enabled=false}. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "contract",
            "deal",
            "duplicate",
            "email",
            "identity",
            "lead",
            "payment",
            "platform",
            "process",
            "process :: deployment",
            "routing",
            "scoring",
            "sequence",
            "tenancy"
        })
package io.salesflow.demo;
