package io.salesflow.process.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files as ops and attackers write them: what may run is deployed, every construct that would let a model
 * run code of its choosing is refused with the file, the element and the reason, all refusals at once.
 */
class ModelValidatorTest {

    private static final Set<String> CATALOGUE = Set.of("leadTasks", "businessCalendar");
    private static final Set<String> APPLICATION_BEANS = Set.of("leadTasks", "businessCalendar", "dataSource");

    private final ModelValidator validator = new ModelValidator(CATALOGUE, APPLICATION_BEANS::contains);

    @Test
    void aModelOfVariablesComparisonsAndCatalogueBeansIsAccepted() {
        String process =
                """
                <bpmn:serviceTask id="createTask" camunda:delegateExpression="${leadTasks}">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="due">${businessCalendar.dueIn('PT4H', tenantId)}</camunda:inputParameter>
                    </camunda:inputOutput>
                    <camunda:executionListener delegateExpression="${leadTasks}" event="start" />
                  </bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:userTask id="firstContact" camunda:assignee="${ownerId}"
                    camunda:candidateGroups="team-${teamId},managers" camunda:dueDate="${due}" />
                <bpmn:exclusiveGateway id="band" />
                <bpmn:sequenceFlow id="hot" sourceRef="band" targetRef="firstContact">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${score &gt;= 70 &amp;&amp; !converted}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:boundaryEvent id="sla" attachedToRef="firstContact" cancelActivity="false">
                  <bpmn:timerEventDefinition><bpmn:timeDuration>PT4H</bpmn:timeDuration></bpmn:timerEventDefinition>
                </bpmn:boundaryEvent>
                """;

        assertThat(validator.validate(List.of(bpmn("nurture.bpmn", process)))).isEmpty();
    }

    @Test
    void theProbesExpressionInAConditionIsRefusedNamingTheFlow() {
        String process = flow(
                "toEnd",
                "${\"\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null).exec(\"touch marker\")}");

        assertThat(validator.validate(List.of(bpmn("evil.bpmn", process))))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.file()).isEqualTo("evil.bpmn");
                    assertThat(r.elementId()).isEqualTo("toEnd");
                    assertThat(r.reason()).contains("calls a method on something other than a catalogue bean");
                });
    }

    @Test
    void anApplicationBeanAsDelegateOrInAnExpressionIsRefused() {
        String process =
                """
                <bpmn:serviceTask id="steal" camunda:delegateExpression="${dataSource}" />
                <bpmn:serviceTask id="call" camunda:expression="${dataSource.getConnection()}" />
                <bpmn:userTask id="leak" camunda:assignee="${dataSource}" />
                <bpmn:serviceTask id="notOne" camunda:delegateExpression="${leadTasks}${leadTasks}" />
                """;

        assertThat(validator.validate(List.of(bpmn("beans.bpmn", process))))
                .extracting(Refusal::elementId, Refusal::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "steal", "the delegate 'dataSource' is not in the catalogue of process beans"),
                        org.assertj.core.groups.Tuple.tuple(
                                "call",
                                "the expression calls 'dataSource', which is not in the catalogue of process beans"),
                        org.assertj.core.groups.Tuple.tuple(
                                "leak",
                                "the expression names 'dataSource', an application bean outside the catalogue of process beans"),
                        org.assertj.core.groups.Tuple.tuple(
                                "notOne", "a delegate expression must name one bean of the catalogue, as ${beanName}"));
    }

    @Test
    void theEngineObjectsPropertyAccessFunctionsAndGetClassAreRefused() {
        String process = flow("viaExecution", "${execution.getProcessEngineServices() != null}")
                + flow("viaProperty", "${lead.owner.password == 'x'}")
                + flow("viaBracket", "${lead['owner']}")
                + flow("viaFunction", "${fn:exec('x')}")
                + flow("viaGetClass", "${leadTasks.getClass() != null}")
                + flow("unparsable", "${a = 1}");

        List<Refusal> refusals = validator.validate(List.of(bpmn("objects.bpmn", process)));

        assertThat(refusals)
                .extracting(Refusal::elementId)
                .containsExactly(
                        "viaExecution", "viaProperty", "viaBracket", "viaFunction", "viaGetClass", "unparsable");
        assertThat(refusals.get(0).reason())
                .isEqualTo("the expression uses the engine object 'execution'; use process variables");
        assertThat(refusals.get(1).reason()).contains("reads a property of an object");
        assertThat(refusals.get(3).reason()).contains("Function");
        assertThat(refusals.get(4).reason()).contains("getClass()");
        assertThat(refusals.get(5).reason()).contains("cannot be parsed");
        assertThat(validator.validate(List.of(bpmn("bare.bpmn", flow("bare", "${execution}")))))
                .singleElement()
                .extracting(Refusal::reason)
                .isEqualTo("the expression uses the engine object 'execution'; use process variables");
    }

    @Test
    void everyKindOfScriptAndJavaClassIsRefusedAtOnceEachWithItsElement() {
        String process =
                """
                <bpmn:scriptTask id="script" scriptFormat="javascript"><bpmn:script>java.lang.Runtime</bpmn:script></bpmn:scriptTask>
                <bpmn:serviceTask id="javaClass" camunda:class="com.evil.Delegate" />
                <bpmn:userTask id="listeners">
                  <bpmn:extensionElements>
                    <camunda:taskListener class="com.evil.Listener" event="create" />
                    <camunda:executionListener event="start">
                      <camunda:script scriptFormat="groovy">'touch marker'.execute()</camunda:script>
                    </camunda:executionListener>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:serviceTask id="mapping">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="x">
                        <camunda:script scriptFormat="javascript" camunda:resource="deployment://evil.js" />
                      </camunda:inputParameter>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:serviceTask id="http">
                  <bpmn:extensionElements>
                    <camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:sequenceFlow id="groovyFlow" sourceRef="a" targetRef="b">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="groovy">true</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="juelScript" sourceRef="a" targetRef="b">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" camunda:resource="classpath://evil.juel" />
                </bpmn:sequenceFlow>
                """;

        List<Refusal> refusals = validator.validate(List.of(bpmn("scripts.bpmn", process)));

        assertThat(refusals)
                .extracting(Refusal::elementId)
                .containsExactly(
                        "script", "javaClass", "listeners", "listeners", "mapping", "http", "groovyFlow", "juelScript");
        assertThat(refusals)
                .extracting(Refusal::reason)
                .anySatisfy(r -> assertThat(r).startsWith("script tasks are not allowed"))
                .anySatisfy(r -> assertThat(r).startsWith("camunda:class names a Java class"))
                .anySatisfy(r -> assertThat(r).startsWith("scripts are not allowed"))
                .anySatisfy(r -> assertThat(r).startsWith("Camunda connectors are not allowed"))
                .anySatisfy(r -> assertThat(r).startsWith("script conditions are not allowed"))
                .anySatisfy(r -> assertThat(r).startsWith("external script resources are not allowed"));
    }

    @Test
    void anExternalEntityIsNeverReadAndEntityExpansionNeverRuns(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "s3cret");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\">"
                + "<bpmn:process id=\"p\" name=\"&x;\" isExecutable=\"true\" /></bpmn:definitions>";
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"");
            laughs.append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]><definitions id=\"d\">&lol9;</definitions>");

        List<Refusal> refusals = validator.validate(List.of(
                new ModelFile("xxe.bpmn", xxe.getBytes(StandardCharsets.UTF_8)),
                new ModelFile("laughs.dmn", laughs.toString().getBytes(StandardCharsets.UTF_8))));

        assertThat(refusals).hasSize(2).allSatisfy(r -> {
            assertThat(r.elementId()).isNull();
            assertThat(r.reason()).isEqualTo("the file declares a DOCTYPE; model files may not (no DTDs or entities)");
            assertThat(r.reason()).doesNotContain("s3cret");
        });
        assertThat(refusals).extracting(Refusal::file).containsExactly("xxe.bpmn", "laughs.dmn");
    }

    @Test
    void aDecisionInFeelIsAcceptedAndOneInAScriptLanguageRefused() {
        String feel = dmn("approval", "feel", "amount > 10000");
        String javascript = dmn("approvalJs", "javascript", "amount > 10000");

        assertThat(validator.validate(List.of(new ModelFile("approval.dmn", bytes(feel)))))
                .isEmpty();
        assertThat(validator.validate(List.of(new ModelFile("approval-js.dmn", bytes(javascript)))))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.elementId()).isEqualTo("amountExpression");
                    assertThat(r.reason())
                            .isEqualTo("the expression language 'javascript' is not allowed; use JUEL or FEEL");
                });
    }

    @Test
    void brokenXmlAndOtherFileTypesAreRefusedAsAWhole() {
        assertThat(validator.validate(List.of(
                        new ModelFile("broken.bpmn", bytes("<bpmn:definitions")),
                        new ModelFile("notes.txt", bytes("hello")),
                        new ModelFile("task.form", bytes("{\"components\":[]}")))))
                .extracting(Refusal::file, Refusal::elementId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("broken.bpmn", null),
                        org.assertj.core.groups.Tuple.tuple("notes.txt", null));
    }

    private static String flow(String id, String condition) {
        return "<bpmn:sequenceFlow id=\"" + id + "\" sourceRef=\"a\" targetRef=\"b\">"
                + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">"
                + condition.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                + "</bpmn:conditionExpression></bpmn:sequenceFlow>\n";
    }

    private static ModelFile bpmn(String name, String processBody) {
        String xml =
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                    id="defs" targetNamespace="http://salesflow.io/test">
                  <bpmn:process id="process" isExecutable="true">
                    <bpmn:documentation>Mentions ${anything} in prose, which nothing evaluates.</bpmn:documentation>
                %s
                  </bpmn:process>
                </bpmn:definitions>
                """
                        .formatted(processBody);
        return new ModelFile(name, bytes(xml));
    }

    private static String dmn(String id, String language, String rule) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="defs" name="d"
                    namespace="http://salesflow.io/test">
                  <decision id="%s" name="Approval">
                    <decisionTable id="table">
                      <input id="amount" label="Amount">
                        <inputExpression id="amountExpression" typeRef="double" expressionLanguage="%s">
                          <text>amount</text>
                        </inputExpression>
                      </input>
                      <output id="levels" name="levels" typeRef="integer" />
                      <rule id="big">
                        <inputEntry id="bigAmount"><text>%s</text></inputEntry>
                        <outputEntry id="two"><text>2</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """
                .formatted(id, language, rule.replace(">", "&gt;"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
