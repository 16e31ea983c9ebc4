package io.salesflow.platform.events;

import io.salesflow.platform.database.PooledThreads;
import java.util.concurrent.Executor;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Runs {@code @Async} work, the after-commit {@code @ApplicationModuleListener}s above all, on a fixed number of
 * threads sized against the connection pool, with back-pressure instead of a thread per event; a listener that
 * fails is recorded for its retry.
 */
@Configuration
class ListenerExecution implements AsyncConfigurer {

    private final EventProperties properties;
    private final ListenerFailures failures;

    ListenerExecution(EventProperties properties, ListenerFailures failures) {
        this.properties = properties;
        this.failures = failures;
    }

    /** Named so that Spring's {@code @Async} finds it among the other executors (Camunda's, the scheduler). */
    @Bean
    ThreadPoolTaskExecutor taskExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.listenerThreads());
        executor.setMaxPoolSize(properties.listenerThreads());
        executor.setQueueCapacity(Integer.MAX_VALUE);
        executor.setThreadNamePrefix("listener-");
        executor.setTaskDecorator(new Backpressure(properties.queueCapacity(), () -> executor.getThreadPoolExecutor()
                .isShutdown()));
        // Listeners queued at the stop get a moment to finish; the rest run again after the next start.
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(20);
        return executor;
    }

    @Bean
    PooledThreads listenerThreads() {
        return PooledThreads.of(
                "after-commit listeners (salesflow.events.listener-threads)", properties.listenerThreads());
    }

    @Bean
    static BeanPostProcessor inFlightPublications() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof EventPublicationRegistry registry && !(bean instanceof InFlightPublications)
                        ? new InFlightPublications(registry)
                        : bean;
            }
        };
    }

    @Override
    public Executor getAsyncExecutor() {
        return taskExecutor();
    }

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return failures;
    }
}
