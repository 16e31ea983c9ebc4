package io.salesflow.textmessage.web;

import io.salesflow.connectors.twilio.TwilioProperties;
import io.salesflow.textmessage.TwilioCallbacks;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's callbacks to a workspace (public: Twilio signs them, {@link TwilioCallbacks} checks the signature):
 * {@code /hooks/{tenant}/twilio/status} for the status of messages we sent, {@code /hooks/{tenant}/twilio/inbound}
 * for messages texted to the workspace, answered with an empty TwiML response (no automatic reply).
 */
@RestController
class TwilioCallbackController {

    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final TwilioCallbacks callbacks;
    private final TwilioProperties properties;

    TwilioCallbackController(TwilioCallbacks callbacks, TwilioProperties properties) {
        this.callbacks = callbacks;
        this.properties = properties;
    }

    @PostMapping(path = "/hooks/{tenant}/twilio/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> status(@PathVariable String tenant, HttpServletRequest request) {
        String message = request.getParameter("message");
        UUID messageId = null;
        try {
            messageId = message == null ? null : UUID.fromString(message);
        } catch (IllegalArgumentException e) {
            // Not one of our callback URLs' ids: found by MessageSid instead, if at all.
        }
        callbacks.status(call(tenant, request), messageId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(
            path = "/hooks/{tenant}/twilio/inbound",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_XML_VALUE)
    ResponseEntity<String> inbound(@PathVariable String tenant, HttpServletRequest request) {
        callbacks.inbound(call(tenant, request));
        return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(EMPTY_TWIML);
    }

    /** The URL as Twilio called it (our public URL, behind whatever proxy) and the form's parameters only. */
    private TwilioCallbacks.Call call(String tenant, HttpServletRequest request) {
        String query = request.getQueryString();
        Set<String> inQuery = new HashSet<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                inQuery.add(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8));
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!inQuery.contains(name) && values.length > 0) {
                params.put(name, values[0]);
            }
        });
        String url = properties.publicBase() + request.getRequestURI() + (query == null ? "" : "?" + query);
        return new TwilioCallbacks.Call(tenant, url, params, request.getHeader("X-Twilio-Signature"));
    }
}
