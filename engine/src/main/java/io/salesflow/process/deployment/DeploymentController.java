package io.salesflow.process.deployment;

import io.salesflow.platform.problem.Problem;
import io.salesflow.process.BeanCatalogue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Ops deploy their own processes, decisions and forms for their workspace ({@code process:design}). */
@RestController
@Tag(name = "Processes")
class DeploymentController {

    private final TenantDeployments deployments;
    private final BeanCatalogue catalogue;

    DeploymentController(TenantDeployments deployments, BeanCatalogue catalogue) {
        this.deployments = deployments;
        this.catalogue = catalogue;
    }

    @PostMapping(path = "/api/v1/deployments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('process:design')")
    @Operation(
            summary = "Deploy .bpmn, .dmn and .form files (parts named 'file') for this workspace",
            description = "Every file is checked first (no scripts, no Java classes, only catalogue beans, safe"
                    + " expressions); any refusal is a 422 listing file, element and reason, and nothing is"
                    + " deployed. Unchanged files make no new version.")
    TenantDeployments.DeploymentView deploy(
            @RequestPart(name = "file", required = false) List<MultipartFile> files,
            @RequestParam(required = false) String name) {
        List<ModelFile> models = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            try {
                models.add(new ModelFile(file.getOriginalFilename(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (name != null && name.length() > 100) {
            throw Problem.invalid("name", "must be at most 100 characters");
        }
        return deployments.deploy(name, models);
    }

    @GetMapping("/api/v1/process-beans")
    @PreAuthorize("hasAuthority('process:design')")
    @Operation(summary = "The beans a model may call (delegateExpression or method calls), with what each does")
    SortedMap<String, String> catalogue() {
        return catalogue.entries();
    }
}
