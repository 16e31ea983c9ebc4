/** Demo tenants, users and teams for trying Salesflow out; switched off with {@code salesflow.demo.enabled=false}. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "deal",
            "duplicate",
            "identity",
            "payment",
            "platform",
            "process",
            "process :: deployment",
            "routing",
            "scoring",
            "tenancy"
        })
package io.salesflow.demo;
