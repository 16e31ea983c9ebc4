package io.salesflow.email;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.audit.AuditLog;
import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's suppression list, for admins: unsubscribed and bounced addresses, and those they block. */
@RestController
@RequestMapping("/api/v1/email-suppressions")
@Tag(name = "Email")
@PreAuthorize("hasAuthority('tenant:manage')")
@Validated
class SuppressionController {

    private final Suppressions suppressions;
    private final AuditLog audit;

    SuppressionController(Suppressions suppressions, AuditLog audit) {
        this.suppressions = suppressions;
        this.audit = audit;
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "Suppressed addresses in address order, a page at a time; or one address")
    CursorPage<Suppressions.Suppression> list(
            @RequestParam(required = false) String address,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        String one = null;
        if (address != null) {
            one = Body.address(address.strip());
            if (one == null) {
                throw Problem.invalid("address", "must be an email address such as ada@example.com");
            }
        }
        return suppressions.page(Suppressions.decodeCursor(cursor), one, limit);
    }

    @PostMapping
    @Transactional
    @Operation(summary = "Put an address on the list: no email is sent to it any more")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = SuppressionInput.class)))
    ResponseEntity<Suppressions.Suppression> add(@RequestBody JsonNode json) {
        Body body = new Body(json, Set.of("address", "note"));
        String address = body.address("address", true);
        String note = body.line("note", false, 500);
        body.check();
        boolean added =
                suppressions.add(address, "manual", null, note, Caller.require().userId());
        if (added) {
            audit.record("email_suppression.added", "email_suppression", address, null, Map.of("reason", "manual"));
        }
        return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK)
                .body(suppressions.page(null, address, 1).items().get(0));
    }

    @DeleteMapping("/{address}")
    @Transactional
    @Operation(summary = "Take an address off the list (only when its owner asked to receive email again)")
    ResponseEntity<Void> remove(@PathVariable String address) {
        String normalised = Body.address(address.strip());
        if (normalised == null) {
            throw Problem.invalid("address", "must be an email address such as ada@example.com");
        }
        if (!suppressions.remove(normalised)) {
            throw Problem.notFound("Suppressed address", normalised);
        }
        audit.record("email_suppression.removed", "email_suppression", normalised, null, null);
        return ResponseEntity.noContent().build();
    }

    /** An address to suppress. */
    record SuppressionInput(
            @Schema(example = "ada@analytical.example", requiredMode = Schema.RequiredMode.REQUIRED) String address,
            @Schema(maxLength = 500) String note) {}
}
