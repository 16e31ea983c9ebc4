package io.salesflow.process.nurture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.audit.AuditLog;
import io.salesflow.platform.problem.PreconditionFailed;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.problem.Problem.FieldError;
import io.salesflow.platform.web.ETags;
import io.salesflow.sequence.Sequences;
import io.salesflow.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workspace's lead nurture timings ({@code process:design} to change them): read by nurture as it goes, so a
 * change applies to what is planned next, not to timers already set.
 */
@RestController
@RequestMapping("/api/v1/nurture-settings")
@Tag(name = "Processes")
class NurtureSettingsController {

    private static final Set<String> FIELDS = Set.of(
            "firstContactSla",
            "touchCount",
            "touchSpacingDays",
            "coldRescoreEvery",
            "coldRequalifyAfter",
            "unqualifiedRequalifyAfter",
            "warmSequenceId");

    private final NurtureSettingsStore store;
    private final Sequences sequences;
    private final AuditLog audit;

    NurtureSettingsController(NurtureSettingsStore store, Sequences sequences, AuditLog audit) {
        this.store = store;
        this.sequences = sequences;
        this.audit = audit;
    }

    @GetMapping
    @Transactional(readOnly = true)
    ResponseEntity<NurtureSettings.View> get() {
        NurtureSettings current = store.current();
        return ResponseEntity.ok().eTag(ETags.of(current.version())).body(current.view());
    }

    @PutMapping
    @Transactional
    @PreAuthorize("hasAuthority('process:design')")
    @Operation(summary = "Replace the timings (fields left out keep their value); send If-Match with the ETag")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(
                                            implementation = NurtureSettingsInput.class)))
    ResponseEntity<NurtureSettings.View> replace(
            @RequestBody ObjectNode body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        NurtureSettings before = store.lockCurrent();
        ETags.check(ifMatch, before.version());
        NurtureSettings after = read(body, before);
        long version = store.save(after, before.version())
                .orElseThrow(
                        () -> new PreconditionFailed(ETags.of(store.current().version())));
        NurtureSettings saved = new NurtureSettings(
                after.firstContactSla(),
                after.touchCount(),
                after.touchSpacingDays(),
                after.coldRescoreEvery(),
                after.coldRequalifyAfter(),
                after.unqualifiedRequalifyAfter(),
                after.warmSequenceId(),
                version);
        audit.record(
                "nurture_settings.changed", "nurture_settings", TenantContext.require(), before.view(), saved.view());
        return ResponseEntity.ok().eTag(ETags.of(version)).body(saved.view());
    }

    private NurtureSettings read(ObjectNode body, NurtureSettings before) {
        List<FieldError> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                errors.add(new FieldError(f, "is not a nurture setting"));
            }
        });
        Duration sla = duration(body, "firstContactSla", before.firstContactSla(), errors);
        int touches = number(body, "touchCount", before.touchCount(), 1, 12, errors);
        int spacing = number(body, "touchSpacingDays", before.touchSpacingDays(), 1, 30, errors);
        Period rescore = period(body, "coldRescoreEvery", before.coldRescoreEvery(), errors);
        Period cold = period(body, "coldRequalifyAfter", before.coldRequalifyAfter(), errors);
        Period unqualified = period(body, "unqualifiedRequalifyAfter", before.unqualifiedRequalifyAfter(), errors);
        UUID warmSequence = before.warmSequenceId();
        JsonNode sequence = body.get("warmSequenceId");
        if (sequence != null) {
            if (sequence.isNull()) {
                warmSequence = null;
            } else {
                try {
                    warmSequence = UUID.fromString(sequence.asText());
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("warmSequenceId", "must be a sequence id or null"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new Problem(
                    400,
                    "validation",
                    "Invalid request",
                    errors.get(0).field() + ": " + errors.get(0).message(),
                    errors);
        }
        if (warmSequence != null && !warmSequence.equals(before.warmSequenceId()) && !sequences.exists(warmSequence)) {
            throw new Problem(
                    422,
                    "unknown-reference",
                    "No such sequence",
                    "warmSequenceId: names no sequence of this workspace",
                    List.of(new FieldError("warmSequenceId", "names no sequence of this workspace")));
        }
        return new NurtureSettings(sla, touches, spacing, rescore, cold, unqualified, warmSequence, before.version());
    }

    private static Duration duration(ObjectNode body, String field, Duration current, List<FieldError> errors) {
        JsonNode v = body.get(field);
        if (v == null) {
            return current;
        }
        try {
            Duration d = Duration.parse(v.asText());
            if (v.isTextual() && d.compareTo(Duration.ofMinutes(15)) >= 0 && d.compareTo(Duration.ofHours(80)) <= 0) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(new FieldError(field, "must be working time from PT15M to PT80H, such as PT4H"));
        return current;
    }

    private static Period period(ObjectNode body, String field, Period current, List<FieldError> errors) {
        JsonNode v = body.get(field);
        if (v == null) {
            return current;
        }
        try {
            Period p = Period.parse(v.asText());
            int days = p.getYears() * 365 + p.getMonths() * 30 + p.getDays();
            if (v.isTextual() && !p.isNegative() && days >= 1 && days <= 730) {
                return p;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(new FieldError(field, "must be a period from P1D to P2Y, such as P14D"));
        return current;
    }

    private static int number(ObjectNode body, String field, int current, int min, int max, List<FieldError> errors) {
        JsonNode v = body.get(field);
        if (v == null) {
            return current;
        }
        if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            errors.add(new FieldError(field, "must be a whole number from " + min + " to " + max));
            return current;
        }
        return v.asInt();
    }

    /** Durations as ISO 8601 (PT4H, P14D); fields left out keep their value. */
    record NurtureSettingsInput(
            String firstContactSla,
            Integer touchCount,
            Integer touchSpacingDays,
            String coldRescoreEvery,
            String coldRequalifyAfter,
            String unqualifiedRequalifyAfter,
            @io.swagger.v3.oas.annotations.media.Schema(
                            description = "The follow-up sequence warm leads are enrolled in instead of touch tasks;"
                                    + " null for touch tasks")
                    UUID warmSequenceId) {}
}
