package io.salesflow.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param enabled load the demo tenants and users at start (idempotent) */
@ConfigurationProperties("salesflow.demo")
public record DemoProperties(
        @DefaultValue("true") boolean enabled, @DefaultValue("Salesflow-demo-1") String password) {}
