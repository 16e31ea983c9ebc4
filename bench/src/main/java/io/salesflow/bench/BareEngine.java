package io.salesflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * B1: the bare Camunda 7.24 engine as its documentation configures it standalone (default settings, history full),
 * on its own database of the same PostgreSQL, driven through the Java API by four threads: straight-through starts,
 * starts that stop at a user task, completions of those tasks, and message correlations by business key.
 */
final class BareEngine implements AutoCloseable {

    static final int THREADS = 4;

    private final ProcessEngine engine;
    private final AtomicLong keys = new AtomicLong();

    private BareEngine(ProcessEngine engine) {
        this.engine = engine;
    }

    /** The engine on {@code database} with the history level given (full or audit; each has a database of its own). */
    static BareEngine start(BenchDatabase db, String database, String history) {
        ProcessEngine engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setJdbcDriver("org.postgresql.Driver")
                .setJdbcUrl(db.jdbcUrl(database))
                .setJdbcUsername("postgres")
                .setJdbcPassword("")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(history)
                .setJobExecutorActivate(false)
                .setProcessEngineName("bench-" + database)
                .buildProcessEngine();
        BareEngine bare = new BareEngine(engine);
        bare.deploy();
        return bare;
    }

    private void deploy() {
        BpmnModelInstance straight = Bpmn.createExecutableProcess("straight")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .endEvent()
                .done();
        BpmnModelInstance userTask = Bpmn.createExecutableProcess("user-task")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Work")
                .camundaAssignee("rep")
                .endEvent()
                .done();
        BpmnModelInstance waiting = Bpmn.createExecutableProcess("waiting")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .receiveTask("Wait_Ping")
                .message("Ping")
                .endEvent()
                .done();
        engine.getRepositoryService()
                .createDeployment()
                .name("bench")
                .addModelInstance("straight.bpmn", straight)
                .addModelInstance("user-task.bpmn", userTask)
                .addModelInstance("waiting.bpmn", waiting)
                .deploy();
    }

    void run(BenchSize size, Report report) {
        Figure straight = report.figure("B1", "straight-through starts", "/s");
        Figure userTaskStarts = report.figure("B1", "user-task starts", "/s");
        Figure completions = report.figure("B1", "task completions", "/s");
        Figure correlations = report.figure("B1", "message correlations", "/s");
        Workers.loop(THREADS, size.warmUp, this::startStraight);
        Workers.loop(THREADS, size.warmUp, this::startUserTask);
        for (int i = 0; i < size.repetitions; i++) {
            straight.add(Workers.loop(THREADS, size.run, this::startStraight));
            userTaskStarts.add(Workers.loop(THREADS, size.run, this::startUserTask));
        }
        // Completions work through the tasks the user-task runs left open; correlations through instances started
        // beforehand, all runs' worth at once (a fifth more than runs at the start rate need; a run that runs out
        // ends early and counts what it did).
        Queue<String> tasks = openTasks();
        long waitingNeeded = Math.max(
                50, Math.round(userTaskStarts.median() * size.run.toMillis() / 1000.0 * 1.2 * size.repetitions));
        Queue<String> waiting = waitingInstances(waitingNeeded);
        for (int i = 0; i < size.repetitions; i++) {
            completions.add(Workers.loop(THREADS, size.run, () -> {
                String id = tasks.poll();
                if (id == null) {
                    return false;
                }
                engine.getTaskService().complete(id);
                return true;
            }));
            correlations.add(Workers.loop(THREADS, size.run, () -> {
                String key = waiting.poll();
                if (key == null) {
                    return false;
                }
                engine.getRuntimeService()
                        .createMessageCorrelation("Ping")
                        .processInstanceBusinessKey(key)
                        .correlate();
                return true;
            }));
        }
        report.note(
                "B1",
                "configuration",
                "standalone ProcessEngineConfiguration defaults, history full, " + THREADS
                        + " threads, job executor off, database " + BenchDatabase.BARE);
    }

    /** Straight-through starts only: for the same engine at another history level. */
    void runStraightThrough(BenchSize size, Report report, String label) {
        Figure straight = report.figure("B1", "straight-through starts, " + label, "/s");
        Workers.loop(THREADS, size.warmUp, this::startStraight);
        for (int i = 0; i < size.repetitions; i++) {
            straight.add(Workers.loop(THREADS, size.run, this::startStraight));
        }
    }

    private boolean startStraight() {
        engine.getRuntimeService().startProcessInstanceByKey("straight", "s-" + keys.incrementAndGet());
        return true;
    }

    private boolean startUserTask() {
        engine.getRuntimeService().startProcessInstanceByKey("user-task", "u-" + keys.incrementAndGet());
        return true;
    }

    /** The ids of every open task of the user-task process. */
    private Queue<String> openTasks() {
        Queue<String> ids = new ConcurrentLinkedQueue<>();
        int page = 0;
        List<Task> tasks;
        do {
            tasks = engine.getTaskService()
                    .createTaskQuery()
                    .processDefinitionKey("user-task")
                    .orderByTaskId()
                    .asc()
                    .listPage(page * 1000, 1000);
            tasks.forEach(t -> ids.add(t.getId()));
            page++;
        } while (tasks.size() == 1000);
        return ids;
    }

    /** Starts {@code count} instances waiting for Ping and returns their business keys. */
    private Queue<String> waitingInstances(long count) {
        Queue<String> keysOfWaiting = new ConcurrentLinkedQueue<>();
        List<String> started = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong left = new AtomicLong(count);
        Workers.loop(THREADS, java.time.Duration.ofHours(1), () -> {
            if (left.decrementAndGet() < 0) {
                return false;
            }
            String key = "w-" + keys.incrementAndGet();
            engine.getRuntimeService().startProcessInstanceByKey("waiting", key);
            started.add(key);
            return true;
        });
        keysOfWaiting.addAll(started);
        return keysOfWaiting;
    }

    @Override
    public void close() {
        engine.close();
    }
}
