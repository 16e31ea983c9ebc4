package io.salesflow.process.deployment;

import io.salesflow.platform.database.ProvisioningLock;
import io.salesflow.tenancy.Tenant;
import io.salesflow.tenancy.TenantProvisioned;
import io.salesflow.tenancy.Tenants;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the processes, decisions and forms Salesflow ships (the {@code processes} module's files) for each
 * tenant, as that tenant's own deployment: when the tenant is provisioned, and at every start for all tenants so
 * a new release reaches them. Duplicate filtering makes a new version only of what changed; a tenant's own
 * versions, deployed by its ops through the API, stay as they are and the latest version wins.
 */
@Component
public class ShippedProcesses {

    public static final String DEPLOYMENT_NAME = "salesflow-shipped";
    private static final Logger log = LoggerFactory.getLogger(ShippedProcesses.class);

    private final RepositoryService repository;
    private final Tenants tenants;
    private final ProvisioningLock provisioning;
    private final List<ModelFile> files;

    ShippedProcesses(RepositoryService repository, Tenants tenants, ProvisioningLock provisioning) {
        this.repository = repository;
        this.tenants = tenants;
        this.provisioning = provisioning;
        this.files = load();
    }

    /** The shipped files, by name. */
    public List<ModelFile> files() {
        return files;
    }

    @EventListener
    @Order(0)
    void on(TenantProvisioned event) {
        deployFor(event.slug());
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void deployForAll() {
        provisioning.run(() -> tenants.all().stream().map(Tenant::getSlug).forEach(this::deployFor));
    }

    void deployFor(String tenantSlug) {
        DeploymentBuilder deployment = repository
                .createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_NAME)
                .tenantId(tenantSlug)
                .enableDuplicateFiltering(true);
        files.forEach(f -> deployment.addInputStream(f.name(), new ByteArrayInputStream(f.content())));
        var deployed = deployment.deployWithResult();
        // Nothing changed: duplicate filtering made no deployment, and its lists of definitions are null.
        if (deployed.getDeployedProcessDefinitions() != null || deployed.getDeployedDecisionDefinitions() != null) {
            log.info("Deployed shipped processes for {}: {}", tenantSlug, deployed.getId());
        }
    }

    private static List<ModelFile> load() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.*");
            List<ModelFile> loaded = new ArrayList<>();
            for (Resource resource : Arrays.stream(resources)
                    .sorted(Comparator.comparing(Resource::getFilename))
                    .toList()) {
                loaded.add(new ModelFile(resource.getFilename(), resource.getContentAsByteArray()));
            }
            return List.copyOf(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
