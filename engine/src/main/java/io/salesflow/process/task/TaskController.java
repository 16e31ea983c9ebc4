package io.salesflow.process.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.platform.web.CursorPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Process tasks for the people who work them ({@code tasks:work}). */
@RestController
@RequestMapping("/api/v1/tasks")
@Validated
@Tag(name = "Tasks")
@PreAuthorize("hasAuthority('tasks:work')")
class TaskController {

    private final Tasks tasks;

    TaskController(Tasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    @Operation(
            summary = "Tasks: view=mine (assigned to me, delegated by me, open to my groups), team or all; filter by"
                    + " record, process, due and follow-up dates; most urgent first")
    CursorPage<TaskView> list(
            @RequestParam(defaultValue = "mine") String view,
            @RequestParam(required = false) String recordType,
            @RequestParam(required = false) UUID recordId,
            @RequestParam(required = false) String processKey,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant dueBefore,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant dueAfter,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant followUpBefore,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant followUpAfter,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        return tasks.list(
                new TaskFilter(
                        view, recordType, recordId, processKey, dueBefore, dueAfter, followUpBefore, followUpAfter),
                cursor,
                limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One task with its form (form-js JSON) and the record it is about")
    TaskView get(@PathVariable String id) {
        return tasks.get(id);
    }

    @PostMapping("/{id}/claim")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Someone else has the task")
    @Operation(summary = "Take an open task of one of my groups")
    TaskView claim(@PathVariable String id) {
        return tasks.claim(id);
    }

    @PostMapping("/{id}/unclaim")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Only the task's assignee or their manager can give it back")
    @Operation(summary = "Give a task back to its groups (its assignee or their manager)")
    TaskView unclaim(@PathVariable String id) {
        return tasks.unclaim(id);
    }

    record DelegateRequest(UUID userId) {}

    @PostMapping("/{id}/delegate")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Not the caller's task to delegate, or delegated already")
    @Operation(summary = "Hand a task to another user; it returns once they resolve it")
    TaskView delegate(@PathVariable String id, @RequestBody DelegateRequest request) {
        return tasks.delegate(id, request.userId());
    }

    @PostMapping("/{id}/complete")
    @ApiResponse(responseCode = "204", description = "Completed")
    @ApiResponse(responseCode = "409", description = "Someone else has the task, or the process moved on meanwhile")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Complete with the form's values: {\"variables\": {...}}; checked against the task's form",
            description = "Fields the form does not have, missing required ones, values outside the options or of"
                    + " the wrong type are refused with a field-level problem and nothing changes.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(implementation = TaskCompletion.class)))
    void complete(@PathVariable String id, @RequestBody(required = false) ObjectNode body) {
        JsonNode variables = body == null ? null : body.get("variables");
        if (body != null) {
            body.fieldNames().forEachRemaining(f -> {
                if (!f.equals("variables")) {
                    throw io.salesflow.platform.problem.Problem.invalid(f, "is not part of a completion");
                }
            });
        }
        tasks.complete(id, variables);
    }

    record CommentRequest(String message) {}

    @GetMapping("/{id}/comments")
    List<Tasks.CommentView> comments(@PathVariable String id) {
        return tasks.comments(id);
    }

    @PostMapping("/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    Tasks.CommentView comment(@PathVariable String id, @RequestBody CommentRequest request) {
        return tasks.comment(id, request.message());
    }

    /** The form's values by field key. */
    record TaskCompletion(java.util.Map<String, Object> variables) {}
}
