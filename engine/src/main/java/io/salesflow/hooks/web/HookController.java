package io.salesflow.hooks.web;

import io.salesflow.hooks.InboundCall;
import io.salesflow.hooks.InboundReceiver;
import io.salesflow.hooks.InboundScheme;
import io.salesflow.platform.problem.Problem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where vendors call: {@code POST /hooks/{tenant}/{endpoint}} (public; the signature is the credential) and Meta's
 * verification handshake on {@code GET}. The body is read raw, up to the limit, since the signature covers its bytes.
 */
@RestController
class HookController {

    private final InboundReceiver receiver;

    HookController(InboundReceiver receiver) {
        this.receiver = receiver;
    }

    @PostMapping("/hooks/{tenant}/{endpoint}")
    ResponseEntity<String> receive(
            @PathVariable String tenant, @PathVariable String endpoint, HttpServletRequest request) throws IOException {
        long limit = receiver.maxBodySize();
        boolean oversized = request.getContentLengthLong() > limit;
        byte[] body = new byte[0];
        if (!oversized) {
            try (InputStream in = request.getInputStream()) {
                body = in.readNBytes((int) limit + 1);
            }
            oversized = body.length > limit;
        }
        String url = request.getRequestURL() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        InboundReceiver.Receipt receipt = receiver.receive(
                new InboundCall(tenant, endpoint, url, request.getContentType(), request::getHeader, body, oversized));
        if (receipt.duplicate()) {
            // Issue 15 asks for a problem here: the event was written and answered before, and is not done again.
            throw new Problem(
                    409,
                    "duplicate-event",
                    "Duplicate event",
                    "This event was received before, as event " + receipt.eventId() + "; it is not processed again");
        }
        if (receipt.scheme() == InboundScheme.TWILIO) {
            // Twilio reads the answer to a message webhook as TwiML: an empty response sends no reply.
            return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body("<Response/>");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"eventId\":\"" + receipt.eventId() + "\",\"status\":\"received\"}");
    }

    @GetMapping("/hooks/{tenant}/{endpoint}")
    ResponseEntity<String> handshake(
            @PathVariable String tenant,
            @PathVariable String endpoint,
            @RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_PLAIN)
                .body(receiver.handshake(tenant, endpoint, mode, token, challenge));
    }
}
