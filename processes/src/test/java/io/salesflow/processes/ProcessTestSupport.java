package io.salesflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** What the process tests share: deploying the shipped files, stand-in beans, and steps on one instance. */
abstract class ProcessTestSupport {

    protected final ProcessEngine engine = ProcessTestEngine.get();

    /** Deploys the files under {@code processes/} in one deployment, as the application does per tenant. */
    protected static void deploy(String... files) {
        var deployment = ProcessTestEngine.get()
                .getRepositoryService()
                .createDeployment()
                .name("process-tests");
        for (String file : files) {
            deployment.addClasspathResource("processes/" + file);
        }
        deployment.enableDuplicateFiltering(true).deploy();
    }

    /** A stand-in for an engine bean: runs {@code body} with the execution, like a JavaDelegate would. */
    protected static void bean(String name, Consumer<DelegateExecution> body) {
        ProcessTestEngine.beans().put(name, (JavaDelegate) body::accept);
    }

    protected static void bean(String name, Object value) {
        ProcessTestEngine.beans().put(name, value);
    }

    protected Task task(ProcessInstance instance, String activityId) {
        List<Task> tasks = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(activityId)
                .list();
        assertThat(tasks).as("open tasks at %s", activityId).hasSize(1);
        return tasks.get(0);
    }

    protected void complete(ProcessInstance instance, String activityId, Map<String, Object> variables) {
        engine.getTaskService().complete(task(instance, activityId).getId(), variables);
    }

    protected Job timer(ProcessInstance instance, String activityId) {
        List<Job> jobs = engine.getManagementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(activityId)
                .timers()
                .list();
        assertThat(jobs).as("timers at %s", activityId).hasSize(1);
        return jobs.get(0);
    }

    protected void fire(ProcessInstance instance, String timerActivityId) {
        engine.getManagementService()
                .executeJob(timer(instance, timerActivityId).getId());
    }

    protected void correlate(ProcessInstance instance, String message) {
        engine.getRuntimeService()
                .createMessageCorrelation(message)
                .processInstanceBusinessKey(instance.getBusinessKey())
                .correlate();
    }

    protected boolean ended(ProcessInstance instance) {
        return engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(instance.getId())
                        .count()
                == 0;
    }

    protected List<String> passedThrough(ProcessInstance instance) {
        return engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .orderByHistoricActivityInstanceStartTime()
                .asc()
                .orderPartiallyByOccurrence()
                .asc()
                .list()
                .stream()
                .map(a -> a.getActivityId())
                .toList();
    }

    protected Object variable(ProcessInstance instance, String name) {
        return engine.getRuntimeService().getVariable(instance.getId(), name);
    }
}
