package io.salesflow.ratelimit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs {@link RateLimiter#sync()} every {@code salesflow.rate-limits.sync-interval}. */
@Configuration(proxyBeanMethods = false)
class RateLimitSync implements SchedulingConfigurer {

    private final RateLimiter limiter;
    private final RateLimitProperties properties;

    RateLimitSync(RateLimiter limiter, RateLimitProperties properties) {
        this.limiter = limiter;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(limiter::sync, properties.syncInterval());
    }
}
