package io.salesflow.textmessage.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.textmessage.TextMessage;
import io.salesflow.textmessage.TextMessages;
import io.salesflow.textmessage.TextOptOut;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * SMS and WhatsApp messages to and from leads and contacts: send one (it is queued and leaves through the
 * outbox), list a record's, read one. Sending answers 202: the message is queued, its status moves on as Twilio
 * reports.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Text messages")
@Validated
class TextMessageController {

    private final TextMessages messages;

    TextMessageController(TextMessages messages) {
        this.messages = messages;
    }

    @PostMapping("/text-messages")
    @Operation(
            summary = "Text a lead or contact (SMS or WhatsApp) at its phone number; queued, sent through Twilio",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema =
                                                    @Schema(implementation = TextMessages.SendTextMessageInput.class))))
    ResponseEntity<TextMessage> send(@RequestBody ObjectNode body) {
        TextMessage queued = messages.send(body);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/text-messages/" + queued.id()))
                .body(queued);
    }

    @GetMapping("/text-messages")
    @Operation(summary = "A lead's or contact's text messages, newest first")
    CursorPage<TextMessage> list(
            @RequestParam(required = false) String recordType,
            @RequestParam(required = false) UUID recordId,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        return messages.list(recordType, recordId, cursor, limit);
    }

    @GetMapping("/text-messages/{id}")
    TextMessage get(@PathVariable UUID id) {
        return messages.get(id);
    }

    @GetMapping("/text-opt-outs")
    @PreAuthorize("hasAuthority('tenant:manage')")
    @Operation(summary = "Numbers that texted STOP and get no text messages, newest first")
    CursorPage<TextOptOut> optOuts(
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String cursor) {
        return messages.optOuts(cursor, limit);
    }
}
