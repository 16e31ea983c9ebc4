package io.salesflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped file opens in Camunda Modeler 5: valid against the BPMN 2.0 and DMN 1.3 schemas (the model API
 * parses against them), with diagram interchange for every element so the modeler draws it, a history time to
 * live, and every form a user task names shipped beside it.
 */
class ModelFilesTest {

    private static final Path DIR = Path.of("src/main/resources/processes");

    static List<Path> bpmn() throws IOException {
        return files(".bpmn");
    }

    static List<Path> dmn() throws IOException {
        return files(".dmn");
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> all = Files.list(DIR)) {
            return all.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("bpmn")
    void eachProcessIsValidBpmnWithADiagramForEveryElement(Path file) throws IOException {
        BpmnModelInstance model;
        try (InputStream in = Files.newInputStream(file)) {
            model = Bpmn.readModelFromStream(in);
        }
        Bpmn.validateModel(model);
        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId())
                .collect(Collectors.toSet());
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(e -> e.getBpmnElement().getId())
                .collect(Collectors.toSet());
        assertThat(shapes)
                .containsAll(ids(
                        model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)));
        assertThat(edges)
                .containsAll(ids(model.getModelElementsByType(SequenceFlow.class).stream()
                        .map(SequenceFlow::getId)));
        for (Process process : model.getModelElementsByType(Process.class)) {
            assertThat(process.getCamundaHistoryTimeToLiveString())
                    .as(process.getId())
                    .isNotBlank();
            assertThat(process.isExecutable()).isTrue();
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String form = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
            assertThat(form).as("form of %s", task.getId()).isNotBlank();
            assertThat(formIds()).as("shipped forms").contains(form);
        }
    }

    @ParameterizedTest
    @MethodSource("dmn")
    void eachDecisionIsValidDmnWithADiagram(Path file) throws IOException {
        DmnModelInstance model;
        try (InputStream in = Files.newInputStream(file)) {
            model = Dmn.readModelFromStream(in);
        }
        Dmn.validateModel(model);
        Set<String> shapes =
                model
                        .getDocument()
                        .getElementsByNameNs("https://www.omg.org/spec/DMN/20191111/DMNDI/", "DMNShape")
                        .stream()
                        .map(e -> e.getAttribute("dmnElementRef"))
                        .collect(Collectors.toSet());
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            assertThat(shapes).as("diagram of %s", decision.getId()).contains(decision.getId());
            assertThat(decision.getCamundaHistoryTimeToLiveString())
                    .as(decision.getId())
                    .isNotBlank();
        }
    }

    private static Set<String> ids(Stream<String> ids) {
        return ids.collect(Collectors.toSet());
    }

    private static Set<String> formIds() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> all = Files.list(DIR)) {
            return all.filter(p -> p.toString().endsWith(".form"))
                    .map(p -> {
                        try {
                            JsonNode form = json.readTree(p.toFile());
                            return form.get("id").asText();
                        } catch (IOException e) {
                            throw new IllegalStateException(p.toString(), e);
                        }
                    })
                    .collect(Collectors.toSet());
        }
    }
}
