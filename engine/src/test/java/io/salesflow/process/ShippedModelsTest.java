package io.salesflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesflow.process.deployment.ModelFile;
import io.salesflow.process.deployment.ShippedProcesses;
import io.salesflow.process.deployment.TenantDeployments;
import io.salesflow.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The shipped processes against the application that runs them: every bean a BPMN names resolves, is in the
 * catalogue and is of the kind its place needs; the shipped files pass the same validation ops' files do.
 */
@IntegrationTest
class ShippedModelsTest {

    private static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");
    private static final Pattern LISTENER = Pattern.compile("taskListener delegateExpression=\"\\$\\{(\\w+)}\"");
    private static final Pattern CALL = Pattern.compile("\\$\\{(\\w+)\\.\\w+\\(");

    @Autowired
    ShippedProcesses shipped;

    @Autowired
    BeanCatalogue catalogue;

    @Autowired
    TenantDeployments deployments;

    @Autowired
    ApplicationContext context;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Test
    void everyBeanAShippedProcessNamesResolvesFromTheCatalogue() {
        Set<String> named = new TreeSet<>();
        for (ModelFile file : shipped.files()) {
            if (!file.name().endsWith(".bpmn")) {
                continue;
            }
            String xml = new String(file.content(), StandardCharsets.UTF_8);
            Set<String> listeners = matches(LISTENER, xml);
            for (String bean : matches(DELEGATE, xml)) {
                Object resolved = context.getBean(bean);
                if (listeners.contains(bean)) {
                    assertThat(resolved).as(bean).isInstanceOf(TaskListener.class);
                } else {
                    assertThat(resolved).as(bean).isInstanceOf(JavaDelegate.class);
                }
                named.add(bean);
            }
            named.addAll(matches(CALL, xml));
        }
        assertThat(named).isNotEmpty();
        assertThat(catalogue.names()).containsAll(named);
    }

    @Test
    void theShippedFilesPassDeploymentValidation() {
        assertThat(deployments.validator().validate(shipped.files())).isEmpty();
    }

    /**
     * The second fence, behind validation: a model deployed straight into the engine (as the platform operator
     * could) still cannot reach a bean outside the catalogue. Without the catalogue, Spring's resolver would hand
     * it the data source.
     */
    @Test
    void aModelThatGotPastValidationStillCannotReachABeanOutsideTheCatalogue() {
        assertThat(context.containsBean("dataSource")).isTrue();
        repository
                .createDeployment()
                .tenantId("acme")
                .name("reach-probe")
                .addModelInstance(
                        "reach-probe.bpmn",
                        Bpmn.createExecutableProcess("reach_probe")
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .exclusiveGateway()
                                .condition("reaches", "${dataSource != null}")
                                .endEvent()
                                .moveToLastGateway()
                                .condition("does not", "${dataSource == null}")
                                .endEvent()
                                .done())
                .deploy();

        assertThatThrownBy(() -> runtime.createProcessInstanceByKey("reach_probe")
                        .processDefinitionTenantId("acme")
                        .execute())
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("dataSource");
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
