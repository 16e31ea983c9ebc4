package io.salesflow.textmessage.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.platform.web.ETags;
import io.salesflow.textmessage.TwilioSettings;
import io.salesflow.textmessage.TwilioSettingsView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's Twilio account for SMS and WhatsApp (admins); the auth token is write-only. */
@RestController
@RequestMapping("/api/v1/settings/twilio")
@Tag(name = "Text messages")
@PreAuthorize("hasAuthority('tenant:manage')")
class TwilioSettingsController {

    private final TwilioSettings settings;

    TwilioSettingsController(TwilioSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "The Twilio settings and the callback URLs to enter in Twilio; never the auth token")
    ResponseEntity<TwilioSettingsView> get() {
        TwilioSettings.Versioned current = settings.get();
        return ResponseEntity.ok().eTag(ETags.of(current.version())).body(current.view());
    }

    @PutMapping
    @Operation(
            summary = "Replace the Twilio settings; leave authToken out to keep the stored one; If-Match with the ETag",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = @Content(schema = @Schema(implementation = TwilioSettingsInput.class))))
    ResponseEntity<TwilioSettingsView> replace(
            @RequestBody ObjectNode body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        TwilioSettings.Versioned saved = settings.replace(body, ifMatch);
        return ResponseEntity.ok().eTag(ETags.of(saved.version())).body(saved.view());
    }

    /**
     * @param authToken write-only; required the first time
     * @param fromNumber the SMS sender in E.164; or messagingServiceSid
     * @param whatsappFrom the WhatsApp sender, {@code whatsapp:+...}
     */
    record TwilioSettingsInput(
            String accountSid, String authToken, String fromNumber, String messagingServiceSid, String whatsappFrom) {}
}
