package io.salesflow.process.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.platform.problem.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * External systems advance waiting processes and start processes ({@code process:operate}; send an
 * {@code Idempotency-Key} so a retry does not do it twice).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Processes")
@PreAuthorize("hasAuthority('process:operate')")
class MessageController {

    private final Messages messages;
    private final ProcessStarts starts;

    MessageController(Messages messages, ProcessStarts starts) {
        this.messages = messages;
        this.starts = starts;
    }

    @PostMapping("/processes/{key}/start")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Start the latest version of a process with the values its start form declares",
            description = "Body: businessKey (optional), variables (the start form's fields). A process without a"
                    + " start form is not started from outside (422).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ProcessStart.class)))
    ProcessStarts.Started start(@PathVariable String key, @RequestBody(required = false) ObjectNode body) {
        if (body != null) {
            body.fieldNames().forEachRemaining(f -> {
                if (!f.equals("businessKey") && !f.equals("variables")) {
                    throw Problem.invalid(f, "is not part of a process start");
                }
            });
        }
        JsonNode businessKey = body == null ? null : body.get("businessKey");
        if (businessKey != null && !businessKey.isNull() && !businessKey.isTextual()) {
            throw Problem.invalid("businessKey", "must be text");
        }
        return starts.start(
                key,
                businessKey == null || businessKey.isNull() ? null : businessKey.asText(),
                body == null ? null : body.get("variables"));
    }

    @PostMapping("/messages")
    @ApiResponse(responseCode = "200", description = "Delivered", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "202", description = "Kept until an instance waits (bufferFor)")
    @ApiResponse(responseCode = "404", description = "No instance waits for the message")
    @ApiResponse(responseCode = "409", description = "Several instances wait for it, or it was just taken")
    @Operation(
            summary = "Deliver a message to the one instance waiting for it",
            description = "Body: messageName, businessKey and/or correlationKeys (variable values), variables (plain"
                    + " values), bufferFor (ISO duration, optional). 200 delivered; 202 kept until an instance waits"
                    + " (bufferFor); 404 none waits; 409 several wait.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = MessageInput.class)))
    ResponseEntity<Messages.Outcome> send(@RequestBody ObjectNode body) {
        Messages.Outcome outcome = messages.send(MessageRequest.read(body));
        return ResponseEntity.status(outcome.status().equals("delivered") ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(outcome);
    }

    /** The body of a start. */
    record ProcessStart(String businessKey, java.util.Map<String, Object> variables) {}

    /** The body of a message: bufferFor is an ISO duration such as PT10M. */
    record MessageInput(
            String messageName,
            String businessKey,
            java.util.Map<String, Object> correlationKeys,
            java.util.Map<String, Object> variables,
            String bufferFor) {}
}
