package io.salesflow.process;

import io.salesflow.platform.database.PooledThreads;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The engine's job executor as a user of the connection pool: its job threads and the one that acquires jobs. */
@Component
class JobExecutorThreads implements PooledThreads {

    private final int threads;

    JobExecutorThreads(CamundaBpmProperties camunda, Environment environment) {
        boolean enabled = environment.getProperty("camunda.bpm.job-execution.enabled", Boolean.class, true);
        this.threads = enabled ? camunda.getJobExecution().getMaxPoolSize() + 1 : 0;
    }

    @Override
    public String threadsDescription() {
        return "process engine jobs (camunda.bpm.job-execution.max-pool-size, plus the acquisition)";
    }

    @Override
    public int threads() {
        return threads;
    }
}
