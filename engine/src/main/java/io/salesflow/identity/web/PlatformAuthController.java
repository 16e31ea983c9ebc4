package io.salesflow.identity.web;

import io.salesflow.identity.PlatformSignIn;
import io.salesflow.identity.PlatformSignIn.PlatformTokens;
import io.salesflow.platform.web.SecretResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in of the installation's platform operator, who belongs to no workspace. Besides the bearer token (for the
 * engine's REST API and the operations endpoints) the answer sets a cookie scoped to {@code /camunda}, so the
 * operator's browser opens Cockpit with the same sign-in; scripts cannot read it and other sites cannot send it.
 */
@RestController
@RequestMapping("/api/v1/auth/platform")
@Tag(name = "Authentication")
class PlatformAuthController {

    static final String ENGINE_COOKIE = "sf_engine_session";

    private final PlatformSignIn signIn;

    PlatformAuthController(PlatformSignIn signIn) {
        this.signIn = signIn;
    }

    record PlatformLoginRequest(
            @NotBlank @Size(max = 40) String username, @NotBlank @Size(max = 128) String password) {}

    @PostMapping("/login")
    @Operation(summary = "Sign in as the platform operator (the engine's API, Cockpit, operations endpoints)")
    ResponseEntity<PlatformTokens> login(@Valid @RequestBody PlatformLoginRequest request, HttpServletRequest http) {
        PlatformTokens tokens = signIn.signIn(request.username(), request.password());
        SecretResponses.mark(http);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.SET_COOKIE,
                        cookie(tokens.accessToken(), Duration.ofSeconds(tokens.expiresIn()), http)
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(tokens);
    }

    @PostMapping("/logout")
    @Operation(summary = "Drop the platform operator's Cockpit cookie (the bearer token lives out its 15 minutes)")
    ResponseEntity<Void> logout(HttpServletRequest http) {
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO, http).toString())
                .build();
    }

    private static ResponseCookie cookie(String value, Duration maxAge, HttpServletRequest http) {
        return ResponseCookie.from(ENGINE_COOKIE, value)
                .path("/camunda")
                .httpOnly(true)
                .secure(http.isSecure())
                .sameSite("Strict")
                .maxAge(maxAge)
                .build();
    }
}
