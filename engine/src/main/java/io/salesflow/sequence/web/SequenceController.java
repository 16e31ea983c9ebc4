package io.salesflow.sequence.web;

import io.salesflow.audit.AuditLog;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.platform.web.ETags;
import io.salesflow.sequence.Enrolment;
import io.salesflow.sequence.Enrolments;
import io.salesflow.sequence.Sequence;
import io.salesflow.sequence.SequenceFigures;
import io.salesflow.sequence.SequenceInput;
import io.salesflow.sequence.Sequences;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
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

/**
 * Follow-up sequences: read by whoever sends messages, changed by admins and marketing (ETag and If-Match), enrolled
 * into by whoever may message the record; figures per step and variant.
 */
@RestController
@RequestMapping("/api/v1/sequences")
@Tag(name = "Sequences")
@Validated
class SequenceController {

    private static final String MANAGE = "hasAnyAuthority('tenant:manage', 'campaigns:manage')";
    private static final String READ = "hasAnyAuthority('messages:write', 'tenant:manage', 'campaigns:manage')";
    private static final String ENROL = "hasAuthority('messages:write')";

    private final Sequences sequences;
    private final Enrolments enrolments;
    private final SequenceFigures figures;
    private final AuditLog audit;

    SequenceController(Sequences sequences, Enrolments enrolments, SequenceFigures figures, AuditLog audit) {
        this.sequences = sequences;
        this.enrolments = enrolments;
        this.figures = figures;
        this.audit = audit;
    }

    @GetMapping
    @PreAuthorize(READ)
    @Operation(summary = "Sequences by name, a page at a time")
    CursorPage<Sequence> list(
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return sequences.list(cursor, limit);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READ)
    @Operation(summary = "A sequence with its steps, variants and stop rules; the ETag is its version")
    ResponseEntity<Sequence> get(@PathVariable UUID id) {
        Sequence sequence = sequences.get(id);
        return ResponseEntity.ok().eTag(ETags.of(sequence.version())).body(sequence);
    }

    @PostMapping
    @Transactional
    @PreAuthorize(MANAGE)
    @Operation(summary = "Create a sequence; a step naming a template the workspace does not have is a 422")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Another sequence has this name")
    @ApiResponse(responseCode = "422", description = "A step names a template or mailbox that does not exist")
    ResponseEntity<Sequence> create(@RequestBody SequenceInput input) {
        Sequence created = sequences.create(input);
        audit.record("sequence.created", "sequence", created.id(), null, created);
        return ResponseEntity.created(URI.create("/api/v1/sequences/" + created.id()))
                .eTag(ETags.of(created.version()))
                .body(created);
    }

    @PutMapping("/{id}")
    @Transactional
    @PreAuthorize(MANAGE)
    @Operation(summary = "Replace a sequence whole (steps too); send If-Match with the ETag")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Another sequence has this name")
    @ApiResponse(responseCode = "412", description = "The sequence changed since the ETag was read")
    @ApiResponse(responseCode = "422", description = "A step names a template or mailbox that does not exist")
    ResponseEntity<Sequence> update(
            @PathVariable UUID id,
            @RequestBody SequenceInput input,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Sequence saved = sequences.update(id, input, ifMatch);
        audit.record("sequence.changed", "sequence", id, null, saved);
        return ResponseEntity.ok().eTag(ETags.of(saved.version())).body(saved);
    }

    @DeleteMapping("/{id}")
    @Transactional
    @PreAuthorize(MANAGE)
    @Operation(summary = "Archive a sequence: nobody new is enrolled; running enrolments run to their end")
    ResponseEntity<Void> archive(@PathVariable UUID id) {
        sequences.archive(id);
        audit.record("sequence.archived", "sequence", id, null, null);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/figures")
    @PreAuthorize(READ)
    @Operation(summary = "Sent, delivered, opened, clicked, replied, bounced and unsubscribed per step and variant")
    List<SequenceFigures.VariantFigures> figures(@PathVariable UUID id) {
        return figures.of(id);
    }

    @GetMapping("/{id}/enrolments")
    @PreAuthorize(READ)
    @Operation(summary = "The sequence's enrolments, newest first, a page at a time")
    CursorPage<Enrolment> enrolments(
            @PathVariable UUID id,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return enrolments.list(id, cursor, limit);
    }

    /** The lead or contact to enrol. */
    record SequenceEnrolmentInput(
            @NotNull @Pattern(regexp = "lead|contact") @Schema(allowableValues = {"lead", "contact"}) String recordType,
            @NotNull UUID recordId) {}

    @PostMapping("/{id}/enrolments")
    @Transactional
    @PreAuthorize(ENROL)
    @Operation(summary = "Enrol a lead or contact; refused with the reason when it cannot be reached or is enrolled")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Already in this sequence, or in another of its mailbox")
    @ApiResponse(responseCode = "422", description = "No address, no consent, suppressed or opted out")
    ResponseEntity<Enrolment> enrol(@PathVariable UUID id, @Valid @RequestBody SequenceEnrolmentInput input) {
        Enrolment enrolment = enrolments.enrol(id, input.recordType(), input.recordId());
        audit.record("sequence.enrolled", "sequence_enrolment", enrolment.id(), null, enrolment);
        return ResponseEntity.created(URI.create("/api/v1/sequences/" + id + "/enrolments/" + enrolment.id()))
                .body(enrolment);
    }

    /** A saved view of leads or contacts, and which page of it to enrol. */
    record SequenceBulkEnrolmentInput(
            @NotNull UUID savedViewId,
            @Schema(description = "nextCursor of the previous page") String cursor,
            @Min(1) @Max(200) @Schema(defaultValue = "100") Integer limit) {}

    @PostMapping("/{id}/enrolments/bulk")
    @Transactional
    @PreAuthorize(ENROL)
    @Operation(
            summary = "Enrol one page of a saved view's records; reports who was enrolled and who skipped and why,"
                    + " and the cursor of the next page")
    Enrolments.BulkEnrolment enrolView(@PathVariable UUID id, @Valid @RequestBody SequenceBulkEnrolmentInput input) {
        Enrolments.BulkEnrolment result = enrolments.enrolView(
                id, input.savedViewId(), input.cursor(), input.limit() == null ? 100 : input.limit());
        audit.record(
                "sequence.bulk_enrolled",
                "sequence",
                id,
                null,
                java.util.Map.of(
                        "savedViewId",
                        input.savedViewId(),
                        "enrolled",
                        result.enrolled().size()));
        return result;
    }

    /** Leads or contacts picked by hand, e.g. the rows selected on a list page. */
    record SequenceRecordsEnrolmentInput(
            @NotNull @Pattern(regexp = "lead|contact") @Schema(allowableValues = {"lead", "contact"}) String recordType,
            @NotNull @Size(min = 1, max = Enrolments.MAX_RECORDS) List<@NotNull UUID> recordIds) {}

    @PostMapping("/{id}/enrolments/records")
    @Transactional
    @PreAuthorize(ENROL)
    @Operation(
            summary = "Enrol up to 500 leads or contacts by id; reports who was enrolled and who skipped and why"
                    + " (nextCursor is always null)")
    Enrolments.BulkEnrolment enrolRecords(
            @PathVariable UUID id, @Valid @RequestBody SequenceRecordsEnrolmentInput input) {
        Enrolments.BulkEnrolment result = enrolments.enrolRecords(id, input.recordType(), input.recordIds());
        audit.record(
                "sequence.bulk_enrolled",
                "sequence",
                id,
                null,
                java.util.Map.of(
                        "recordType",
                        input.recordType(),
                        "enrolled",
                        result.enrolled().size(),
                        "skipped",
                        result.skipped().size()));
        return result;
    }

    @GetMapping("/{id}/enrolments/{enrolmentId}")
    @PreAuthorize(READ)
    @Operation(summary = "One enrolment")
    Enrolment enrolment(@PathVariable UUID id, @PathVariable UUID enrolmentId) {
        return enrolments.get(id, enrolmentId);
    }

    @PostMapping("/{id}/enrolments/{enrolmentId}/cancel")
    @Transactional
    @PreAuthorize(ENROL)
    @Operation(summary = "Stop an active enrolment by hand: nothing more is sent")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The enrolment has ended already")
    Enrolment cancel(@PathVariable UUID id, @PathVariable UUID enrolmentId) {
        Enrolment cancelled = enrolments.cancel(id, enrolmentId);
        audit.record("sequence.enrolment_cancelled", "sequence_enrolment", enrolmentId, null, null);
        return cancelled;
    }
}
