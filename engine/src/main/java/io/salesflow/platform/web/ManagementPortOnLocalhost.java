package io.salesflow.platform.web;

import java.net.InetAddress;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A separate management port (set with {@code management.server.port}) listens on localhost unless
 * {@code management.server.address} says otherwise: whoever reaches it reads the operations endpoints without
 * signing in, so opening it to a scraper is a deliberate step (docs/operations.md). Spring Boot refuses an address
 * while the management port is the main one, so it is only set for a port of its own.
 */
@Component
class ManagementPortOnLocalhost implements BeanPostProcessor {

    private final Environment environment;

    ManagementPortOnLocalhost(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof ManagementServerProperties management
                && management.getPort() != null
                && management.getPort() > 0
                && !management.getPort().equals(environment.getProperty("server.port", Integer.class, 8080))
                && management.getAddress() == null) {
            management.setAddress(InetAddress.getLoopbackAddress());
        }
        return bean;
    }
}
