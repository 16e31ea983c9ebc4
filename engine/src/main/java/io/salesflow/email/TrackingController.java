package io.salesflow.email;

import io.salesflow.platform.problem.Problem;
import io.salesflow.ratelimit.RateLimit;
import io.salesflow.ratelimit.RateLimiter;
import io.salesflow.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The open pixel and the tracked links of outgoing emails (public: the reader has no account). A link leads only to
 * the URL sealed in its token; a forged or altered link is a 404, never a redirect. The pixel answers the same image
 * whatever the token, so it tells a prober nothing. Each workspace's opens and clicks count against its request limit.
 */
@RestController
@Tag(name = "Email")
@SecurityRequirements
class TrackingController {

    /** A transparent 1×1 GIF. */
    private static final byte[] PIXEL =
            Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final TrackingTokens tokens;
    private final EmailTracking tracking;
    private final RateLimiter limiter;

    TrackingController(TrackingTokens tokens, EmailTracking tracking, RateLimiter limiter) {
        this.tokens = tokens;
        this.tracking = tracking;
        this.limiter = limiter;
    }

    @GetMapping("/t/o/{token}")
    @Operation(summary = "An email's open pixel: counts the open, answers a transparent image")
    ResponseEntity<byte[]> open(@PathVariable String token) {
        tokens.open(token)
                .filter(target -> target.url() == null)
                .filter(target -> limiter.tryAcquire(
                                RateLimit.PER_TENANT, target.tenantId().toString())
                        .isEmpty())
                .ifPresent(target -> TenantContext.runAs(target.tenantId(), () -> tracking.opened(target.emailId())));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.IMAGE_GIF)
                .body(PIXEL);
    }

    @GetMapping("/t/c/{token}")
    @Operation(summary = "A tracked link of an email: counts the click and redirects to the link's own URL")
    ResponseEntity<Void> click(@PathVariable String token) {
        TrackingTokens.Target target = tokens.open(token)
                .filter(t -> t.url() != null)
                .orElseThrow(() -> new Problem(404, "not-found", "Not found", "This link is not valid"));
        Optional<java.time.Duration> wait =
                limiter.tryAcquire(RateLimit.PER_TENANT, target.tenantId().toString());
        if (wait.isEmpty()) {
            TenantContext.runAs(target.tenantId(), () -> tracking.clicked(target.emailId(), target.url()));
        }
        // The reader gets where the link pointed even when the click is not counted.
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, URI.create(target.url()).toASCIIString())
                .cacheControl(CacheControl.noStore())
                .build();
    }
}
