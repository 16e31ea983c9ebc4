package io.salesflow.identity.web;

import io.salesflow.identity.SignIn;
import io.salesflow.identity.Tokens;
import io.salesflow.platform.web.SecretResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Login, token refresh and logout. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthController {

    private final SignIn signIn;

    AuthController(SignIn signIn) {
        this.signIn = signIn;
    }

    record LoginRequest(
            @NotBlank @Size(max = 63) String tenant,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 128) String password) {}

    record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {}

    @PostMapping("/login")
    @Operation(summary = "Sign in with workspace, email and password")
    ResponseEntity<Tokens> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return secret(signIn.login(request.tenant(), request.email(), request.password()), http);
    }

    @PostMapping("/refresh")
    @Operation(summary = "Exchange a refresh token for new tokens; the old refresh token stops working")
    ResponseEntity<Tokens> refresh(@Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
        return secret(signIn.refresh(request.refreshToken()), http);
    }

    @PostMapping("/logout")
    @Operation(summary = "End the session of a refresh token; its access tokens stop working too")
    ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest request) {
        signIn.logout(request.refreshToken());
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<Tokens> secret(Tokens tokens, HttpServletRequest http) {
        SecretResponses.mark(http);
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(tokens);
    }
}
