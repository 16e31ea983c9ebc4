package io.salesflow.contract.web;

import io.salesflow.contract.ContractTemplates;
import io.salesflow.contract.ContractTemplates.ContractTemplateInput;
import io.salesflow.contract.ContractTemplates.ContractTemplateView;
import io.salesflow.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's contract templates: admins write them, anyone who sends contracts reads them. */
@RestController
@RequestMapping("/api/v1/contracts/templates")
@Tag(name = "Contracts")
@Validated
class ContractTemplateController {

    private static final String MANAGE = "hasAuthority('tenant:manage')";
    private static final String READ = "hasAnyAuthority('tenant:manage', 'deals:write')";

    private final ContractTemplates templates;

    ContractTemplateController(ContractTemplates templates) {
        this.templates = templates;
    }

    @GetMapping
    @PreAuthorize(READ)
    @Operation(summary = "The contract templates, oldest first, a page at a time")
    CursorPage<ContractTemplateView> list(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return templates.list(cursor, limit);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READ)
    @Operation(summary = "One contract template")
    ResponseEntity<ContractTemplateView> get(@PathVariable UUID id) {
        ContractTemplateView template = templates.get(id);
        return ResponseEntity.ok().eTag(Long.toString(template.version())).body(template);
    }

    @PostMapping
    @PreAuthorize(MANAGE)
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @Operation(
            summary = "Create a template: XHTML with Mustache variables, laid out as PDF for a sample deal before it is"
                    + " saved (a template that does not render is a 422 on body)")
    ResponseEntity<ContractTemplateView> create(@RequestBody ContractTemplateInput input) {
        ContractTemplateView created = templates.create(input);
        return ResponseEntity.created(URI.create("/api/v1/contracts/templates/" + created.id()))
                .eTag(Long.toString(created.version()))
                .body(created);
    }

    @PutMapping("/{id}")
    @PreAuthorize(MANAGE)
    @Operation(summary = "Change a template; send If-Match with its ETag (a 412 says it changed meanwhile)")
    ResponseEntity<ContractTemplateView> update(
            @PathVariable UUID id,
            @RequestBody ContractTemplateInput input,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        ContractTemplateView changed = templates.update(id, input, version(ifMatch));
        return ResponseEntity.ok().eTag(Long.toString(changed.version())).body(changed);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(MANAGE)
    @ApiResponse(responseCode = "204", description = "Archived")
    @Operation(summary = "Archive a template: contracts made from it keep their documents")
    ResponseEntity<Void> archive(@PathVariable UUID id) {
        templates.archive(id);
        return ResponseEntity.noContent().build();
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw io.salesflow.platform.problem.Problem.invalid("If-Match", "is not an ETag of this template");
        }
    }
}
