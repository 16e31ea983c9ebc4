package io.salesflow.routing.web;

import io.salesflow.routing.Absences;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Out-of-office periods of a user: their own, or anyone's with {@code users:manage} ({@code users:read} to list). */
@RestController
@Tag(name = "Lead routing")
class AbsenceController {

    private final Absences absences;

    AbsenceController(Absences absences) {
        this.absences = absences;
    }

    record AbsenceRequest(@NotNull Instant startsAt, @NotNull Instant endsAt, @Size(max = 500) String reason) {}

    @GetMapping("/api/v1/users/{id}/absences")
    List<Absences.AbsenceView> list(@PathVariable UUID id) {
        return absences.list(id);
    }

    @PostMapping("/api/v1/users/{id}/absences")
    @Operation(summary = "Out of office from startsAt (included) until endsAt (excluded): routing skips the user")
    ResponseEntity<Absences.AbsenceView> create(@PathVariable UUID id, @Valid @RequestBody AbsenceRequest request) {
        Absences.AbsenceView created = absences.create(id, request.startsAt(), request.endsAt(), request.reason());
        return ResponseEntity.created(URI.create("/api/v1/users/" + id + "/absences/" + created.id()))
                .body(created);
    }

    @DeleteMapping("/api/v1/users/{id}/absences/{absenceId}")
    ResponseEntity<Void> delete(@PathVariable UUID id, @PathVariable UUID absenceId) {
        absences.delete(id, absenceId);
        return ResponseEntity.noContent().build();
    }
}
