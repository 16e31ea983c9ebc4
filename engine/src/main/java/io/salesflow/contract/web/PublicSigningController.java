package io.salesflow.contract.web;

import io.salesflow.contract.ContractSigning;
import io.salesflow.contract.ContractSigning.Client;
import io.salesflow.contract.ContractSigning.DeclineInput;
import io.salesflow.contract.ContractSigning.SignatureInput;
import io.salesflow.contract.ContractSigning.SigningView;
import io.salesflow.platform.problem.Problem;
import io.salesflow.ratelimit.RateLimit;
import io.salesflow.ratelimit.RateLimiter;
import io.salesflow.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signing page's API, for signers without an account: the token in the path is the credential (permitted in
 * {@code SecurityConfiguration}). Every request counts against the client address's public limit, and a genuine
 * token's against its workspace's limit too; a forged or altered token is a 404 before anything is read.
 */
@RestController
@RequestMapping("/api/public/signing/{token}")
@Tag(name = "Contract signing (public)")
@SecurityRequirements
class PublicSigningController {

    private final ContractSigning signing;
    private final RateLimiter limiter;

    PublicSigningController(ContractSigning signing, RateLimiter limiter) {
        this.signing = signing;
        this.limiter = limiter;
    }

    @GetMapping
    @Operation(
            summary = "The contract the link is for: title, status, the signer and everyone who signs. Opening it"
                    + " the first time is recorded as viewed")
    SigningView open(@PathVariable String token, HttpServletRequest request) {
        return inTenant(token, request, () -> signing.open(token, client(request)));
    }

    @ApiResponse(
            responseCode = "200",
            description = "The PDF",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = MediaType.APPLICATION_PDF_VALUE,
                            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")))
    @GetMapping(value = "/document", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The document to sign (PDF); once everyone has signed, the signed copy with its certificate")
    ResponseEntity<byte[]> document(@PathVariable String token, HttpServletRequest request) {
        byte[] pdf = inTenant(token, request, () -> signing.document(token));
        return ContractController.pdf(pdf, "contract.pdf");
    }

    @PostMapping("/signature")
    @Operation(
            summary = "Sign: consent must be true and typedName the signer's name. 409 when signed or declined"
                    + " already, 410 when the link expired")
    SigningView sign(@PathVariable String token, @RequestBody SignatureInput body, HttpServletRequest request) {
        return inTenant(token, request, () -> signing.sign(token, body, client(request)));
    }

    @PostMapping("/decline")
    @Operation(summary = "Decline to sign, with a reason for the sender; the contract is off for every signer")
    SigningView decline(@PathVariable String token, @RequestBody DeclineInput body, HttpServletRequest request) {
        return inTenant(token, request, () -> signing.decline(token, body, client(request)));
    }

    private <T> T inTenant(String token, HttpServletRequest request, Supplier<T> work) {
        limit(RateLimit.PUBLIC_PER_ADDRESS, request.getRemoteAddr());
        UUID tenant = signing.tenantOf(token)
                .orElseThrow(() -> new Problem(
                        404,
                        "unknown-link",
                        "Unknown signing link",
                        "This signing link is not valid: it is mistyped, or a newer email replaced it"));
        limit(RateLimit.PER_TENANT, tenant.toString());
        return TenantContext.callAs(tenant, work);
    }

    private void limit(RateLimit limit, String key) {
        Optional<Duration> wait = limiter.tryAcquire(limit, key);
        if (wait.isPresent()) {
            throw Problem.tooManyRequests(
                    "rate-limited", "Too many requests", "Too many requests; try again later", wait.get());
        }
    }

    private static Client client(HttpServletRequest request) {
        return new Client(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
    }
}
