package io.salesflow.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * B9: the bare engine's job executor draining a backlog of async continuations, with Camunda's default settings and
 * with tuned ones, on the bare engine's database. Each run starts {@code jobs} instances of a process whose one
 * service task is {@code asyncBefore} (with the job executor stopped), then starts the executor and times it until no
 * job is left.
 */
final class JobExecutorScenario {

    /**
     * The tuned settings measured against the defaults; change them here (or try others with {@code -Dbench.b9.threads}
     * and the like), the table and JSON name them.
     */
    static final int TUNED_THREADS = Integer.getInteger("bench.b9.threads", 4);

    static final int TUNED_JOBS_PER_ACQUISITION = Integer.getInteger("bench.b9.jobsPerAcquisition", 100);
    static final int TUNED_QUEUE = Integer.getInteger("bench.b9.queue", 200);
    static final int TUNED_IDLE_WAIT_MS = Integer.getInteger("bench.b9.idleWaitMs", 500);
    /** The tuned engine's connection pool: every executor thread, the acquisition and the benchmark's polling. */
    static final int TUNED_POOL = Integer.getInteger("bench.b9.pool", 10);

    private JobExecutorScenario() {}

    static void run(BenchDatabase db, BenchSize size, Report report) {
        Figure defaults = report.figure("B9", "jobs drained, default job executor", "/s");
        Figure tuned = report.figure("B9", "jobs drained, tuned job executor", "/s");
        DefaultJobExecutor standard = new DefaultJobExecutor();
        defaults.note("settings", describe(standard, DEFAULT_POOL));
        for (int i = 0; i < size.repetitions; i++) {
            defaults.add(drain(db, size.jobs, new DefaultJobExecutor(), DEFAULT_POOL, "default"));
            tuned.add(drain(db, size.jobs, tunedExecutor(), TUNED_POOL, "tuned"));
        }
        tuned.note("settings", describe(tunedExecutor(), TUNED_POOL));
        report.ratio("B9", "tuned / default job executor", tuned.median() / defaults.median(), "≥ 1.5");
    }

    private static DefaultJobExecutor tunedExecutor() {
        DefaultJobExecutor executor = new DefaultJobExecutor();
        executor.setCorePoolSize(TUNED_THREADS);
        executor.setMaxPoolSize(TUNED_THREADS);
        executor.setQueueSize(TUNED_QUEUE);
        executor.setMaxJobsPerAcquisition(TUNED_JOBS_PER_ACQUISITION);
        executor.setWaitTimeInMillis(TUNED_IDLE_WAIT_MS);
        return executor;
    }

    /** The standalone engine's default pool (MyBatis {@code PooledDataSource}, 10 connections). */
    private static final int DEFAULT_POOL = 10;

    private static String describe(DefaultJobExecutor e, int pool) {
        return "threads " + e.getCorePoolSize() + "–" + e.getMaxPoolSize() + ", queue " + e.getQueueSize()
                + ", jobs per acquisition " + e.getMaxJobsPerAcquisition() + ", idle wait " + e.getWaitTimeInMillis()
                + " ms, pool " + pool;
    }

    private static Figure.Run drain(BenchDatabase db, int jobs, JobExecutor executor, int pool, String name) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                        .setJdbcDriver("org.postgresql.Driver")
                        .setJdbcUrl(db.jdbcUrl(BenchDatabase.BARE))
                        .setJdbcUsername("postgres")
                        .setJdbcPassword("")
                        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                        .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                        .setJobExecutorActivate(false)
                        .setJdbcMaxActiveConnections(pool)
                        .setProcessEngineName("bench-jobs-" + name);
        configuration.setJobExecutor(executor);
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            engine.getRepositoryService()
                    .createDeployment()
                    .name("bench-jobs")
                    .enableDuplicateFiltering(false)
                    .addModelInstance(
                            "async.bpmn",
                            Bpmn.createExecutableProcess("async")
                                    .camundaHistoryTimeToLive(1)
                                    .startEvent()
                                    .serviceTask("Task_Async")
                                    .camundaAsyncBefore()
                                    .camundaExpression("${true}")
                                    .endEvent()
                                    .done())
                    .deploy();
            AtomicLong left = new AtomicLong(jobs);
            Workers.loop(
                    BareEngine.THREADS,
                    Duration.ofHours(1),
                    () -> left.decrementAndGet() >= 0
                            && engine.getRuntimeService()
                                            .startProcessInstanceByKey("async")
                                            .getId()
                                    != null);
            long backlog = engine.getManagementService().createJobQuery().count();
            long start = System.nanoTime();
            executor.start();
            long deadline = start + Duration.ofMinutes(30).toNanos();
            while (engine.getManagementService().createJobQuery().count() > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The " + name + " job executor left jobs after 30 minutes");
                }
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Figure.Run(backlog / seconds, backlog, seconds);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } finally {
            executor.shutdown();
            engine.close();
        }
    }
}
