package io.salesflow.email;

import io.salesflow.platform.problem.Problem;
import io.salesflow.ratelimit.RateLimit;
import io.salesflow.ratelimit.RateLimiter;
import io.salesflow.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The unsubscribe link of every email (public: the recipient has no account). {@code POST} is RFC 8058 one-click
 * unsubscribe, as mail clients send it from {@code List-Unsubscribe-Post}; {@code GET} (a person following the link)
 * only shows a page with a button that posts, so a mail scanner that follows links unsubscribes no one. Tokens are
 * sealed (see {@link UnsubscribeTokens}): a forged or altered one is a 404. Each workspace's unsubscribes count
 * against its request limit.
 */
@RestController
@Tag(name = "Email")
@SecurityRequirements
class UnsubscribeController {

    private final UnsubscribeTokens tokens;
    private final Unsubscribes unsubscribes;
    private final RateLimiter limiter;

    UnsubscribeController(UnsubscribeTokens tokens, Unsubscribes unsubscribes, RateLimiter limiter) {
        this.tokens = tokens;
        this.unsubscribes = unsubscribes;
        this.limiter = limiter;
    }

    @PostMapping("/unsubscribe/{token}")
    @Operation(summary = "One-click unsubscribe (RFC 8058): the email's recipients get no more email")
    ResponseEntity<String> unsubscribe(@PathVariable String token) {
        UnsubscribeTokens.Target target = target(token);
        Optional<List<String>> addresses =
                TenantContext.callAs(target.tenantId(), () -> unsubscribes.unsubscribe(target.emailId()));
        if (addresses.isEmpty()) {
            throw gone();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_HTML)
                .body(page(
                        "You are unsubscribed",
                        "<p>" + HtmlUtils.htmlEscape(String.join(", ", addresses.get()))
                                + " will receive no more email from us.</p>"));
    }

    @GetMapping("/unsubscribe/{token}")
    @Operation(summary = "The unsubscribe page: a button that confirms with POST")
    ResponseEntity<String> confirm(@PathVariable String token) {
        UnsubscribeTokens.Target target = target(token);
        if (!TenantContext.callAs(target.tenantId(), () -> unsubscribes.exists(target.emailId()))) {
            throw gone();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_HTML)
                .body(page(
                        "Unsubscribe",
                        "<form method=\"post\"><p>Receive no more email from us at this address?</p>"
                                + "<button type=\"submit\">Unsubscribe</button></form>"));
    }

    private UnsubscribeTokens.Target target(String token) {
        UnsubscribeTokens.Target target = tokens.open(token).orElseThrow(UnsubscribeController::gone);
        Optional<Duration> wait =
                limiter.tryAcquire(RateLimit.PER_TENANT, target.tenantId().toString());
        if (wait.isPresent()) {
            throw Problem.tooManyRequests(
                    "rate-limited", "Too many requests", "Too many requests; try again later", wait.get());
        }
        return target;
    }

    private static Problem gone() {
        return new Problem(404, "not-found", "Not found", "This unsubscribe link is not valid");
    }

    private static String page(String title, String content) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                + "</title></head><body style=\"font-family: sans-serif; max-width: 32rem; margin: 2rem auto;"
                + " padding: 0 1rem\"><h1>" + title + "</h1>" + content + "</body></html>";
    }
}
