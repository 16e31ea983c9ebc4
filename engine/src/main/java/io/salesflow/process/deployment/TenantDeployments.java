package io.salesflow.process.deployment;

import io.salesflow.audit.AuditLog;
import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.Problem;
import io.salesflow.process.BeanCatalogue;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deploys ops' own BPMN, DMN and form files for their workspace ({@code POST /api/v1/deployments}) after
 * {@link ModelValidator} let every file through: one refusal and nothing is deployed, and the 422 lists them all
 * with file, element and reason. The engine's own parser has the last word on what is not valid BPMN or DMN.
 */
@Service
public class TenantDeployments {

    static final int MAX_FILES = 20;

    /** A deployment and what it made: each definition with its key, version and kind. */
    public record DeploymentView(String id, String name, Instant deployedAt, List<Definition> definitions) {

        public record Definition(String kind, String id, String key, String name, int version) {}
    }

    private final RepositoryService repository;
    private final BeanCatalogue catalogue;
    private final ApplicationContext context;
    private final AuditLog audit;

    TenantDeployments(
            RepositoryService repository, BeanCatalogue catalogue, ApplicationContext context, AuditLog audit) {
        this.repository = repository;
        this.catalogue = catalogue;
        this.context = context;
        this.audit = audit;
    }

    public ModelValidator validator() {
        return new ModelValidator(catalogue.names(), context::containsBean);
    }

    @Transactional
    public DeploymentView deploy(String name, List<ModelFile> files) {
        Caller caller = Caller.require();
        if (files.isEmpty()) {
            throw Problem.invalid("file", "send one or more .bpmn, .dmn or .form files as 'file' parts");
        }
        if (files.size() > MAX_FILES) {
            throw Problem.invalid("file", "send at most " + MAX_FILES + " files in one deployment");
        }
        Set<String> names = new HashSet<>();
        for (ModelFile file : files) {
            if (file.name() == null || file.name().isBlank() || !names.add(file.name())) {
                throw Problem.invalid("file", "every file needs a name of its own: " + file.name());
            }
        }
        List<Refusal> refusals = validator().validate(files);
        if (!refusals.isEmpty()) {
            throw refused(refusals);
        }
        DeploymentBuilder deployment = repository
                .createDeployment()
                .name(name == null || name.isBlank() ? "ops" : name.strip())
                .source("api")
                .tenantId(caller.tenantSlug())
                .enableDuplicateFiltering(true);
        files.forEach(f -> deployment.addInputStream(f.name(), new ByteArrayInputStream(f.content())));
        DeploymentWithDefinitions deployed;
        try {
            deployed = deployment.deployWithResult();
        } catch (ParseException e) {
            throw refused(parseRefusals(e));
        }
        DeploymentView view = view(deployed);
        audit.record(
                "process.deployed",
                "deployment",
                deployed.getId(),
                null,
                Map.of("name", view.name(), "files", names, "definitions", view.definitions()));
        return view;
    }

    private static Problem refused(List<Refusal> refusals) {
        Refusal first = refusals.get(0);
        return new Problem(
                        422,
                        "model-refused",
                        "The files were not deployed",
                        refusals.size() == 1
                                ? first.file() + (first.elementId() == null ? "" : " (" + first.elementId() + ")")
                                        + ": " + first.reason()
                                : refusals.size() + " problems in the files; nothing was deployed")
                .with("refusals", refusals);
    }

    private static List<Refusal> parseRefusals(ParseException e) {
        List<Refusal> refusals = new ArrayList<>();
        for (ResourceReport report : e.getResorceReports()) {
            report.getErrors()
                    .forEach(p ->
                            refusals.add(new Refusal(report.getResourceName(), p.getMainElementId(), p.getMessage())));
        }
        if (refusals.isEmpty()) {
            refusals.add(new Refusal(null, null, e.getMessage()));
        }
        return refusals;
    }

    /** Duplicate filtering deploys nothing new when no file changed, and then lists null. */
    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static DeploymentView view(DeploymentWithDefinitions deployed) {
        List<DeploymentView.Definition> definitions = new ArrayList<>();
        nonNull(deployed.getDeployedProcessDefinitions())
                .forEach(d -> definitions.add(
                        new DeploymentView.Definition("process", d.getId(), d.getKey(), d.getName(), d.getVersion())));
        nonNull(deployed.getDeployedDecisionDefinitions())
                .forEach(d -> definitions.add(
                        new DeploymentView.Definition("decision", d.getId(), d.getKey(), d.getName(), d.getVersion())));
        nonNull(deployed.getDeployedDecisionRequirementsDefinitions())
                .forEach(d -> definitions.add(new DeploymentView.Definition(
                        "decision-requirements", d.getId(), d.getKey(), d.getName(), d.getVersion())));
        return new DeploymentView(
                deployed.getId(),
                deployed.getName(),
                deployed.getDeploymentTime().toInstant(),
                definitions);
    }
}
