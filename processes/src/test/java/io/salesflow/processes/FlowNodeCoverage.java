package io.salesflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Which flow nodes of one process definition the instances of a test class passed through, from the engine's
 * history. A test class asserts at its end that its paths together cover enough of the model.
 */
final class FlowNodeCoverage {

    private final ProcessEngine engine;
    private final String processKey;

    FlowNodeCoverage(ProcessEngine engine, String processKey) {
        this.engine = engine;
        this.processKey = processKey;
    }

    Set<String> flowNodes() {
        ProcessDefinition definition = engine.getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey(processKey)
                .latestVersion()
                .singleResult();
        BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(definition.getId());
        Collection<FlowNode> nodes = model.getModelElementsByType(FlowNode.class);
        return nodes.stream()
                .filter(this::inProcess)
                .map(FlowNode::getId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A file may hold several processes (a plan and the process it calls): only this one's nodes count. */
    private boolean inProcess(FlowNode node) {
        ModelElementInstance parent = node.getParentElement();
        while (parent != null && !(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return parent != null && processKey.equals(((Process) parent).getId());
    }

    Set<String> visited() {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().list().stream()
                .filter(a -> a.getProcessDefinitionKey().equals(processKey))
                .map(HistoricActivityInstance::getActivityId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    void assertAtLeast(double share) {
        Set<String> all = flowNodes();
        Set<String> missed = new TreeSet<>(all);
        missed.removeAll(visited());
        double covered = (all.size() - missed.size()) / (double) all.size();
        assertThat(covered)
                .as("flow-node coverage of %s; not reached: %s", processKey, missed)
                .isGreaterThanOrEqualTo(share);
    }
}
