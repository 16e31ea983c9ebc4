package io.salesflow.identity.web;

import io.salesflow.identity.SessionTokens;
import io.salesflow.identity.SignIn;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.SecretResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web app's sign-in. The refresh token goes into a cookie that scripts cannot read (an injected script cannot
 * steal it), that only travels to these endpoints, and that other sites cannot make the browser send; the access
 * token is only in the answer, for the page to keep in memory. Every tab of the browser shares the cookie, so a new
 * tab signs itself in with a refresh. A cross-site form can make a browser post, but not with a header of its own:
 * every call that reads or sets the cookie must carry {@value #SESSION_HEADER}, on top of the cookie's SameSite.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class BrowserSessionController {

    static final String COOKIE = "salesflow_refresh";
    static final String COOKIE_PATH = "/api/v1/auth/session";
    static final String SESSION_HEADER = "X-Salesflow-Session";
    private static final String HEADER_DOC = "Must be `1`: the call comes from the web app, not a cross-site form";

    private final SignIn signIn;

    BrowserSessionController(SignIn signIn) {
        this.signIn = signIn;
    }

    /** The access token for the page's memory; its refresh token is in the cookie. */
    @Schema(requiredProperties = {"accessToken", "tokenType", "expiresIn", "expiresAt"})
    record AccessToken(String accessToken, String tokenType, long expiresIn, Instant expiresAt) {}

    @PostMapping("/session")
    @Operation(
            summary = "Sign in the web app: an access token, and the refresh token in an HttpOnly cookie",
            description = "Sets `salesflow_refresh` (HttpOnly, Secure, SameSite=Strict, Path=/api/v1/auth/session).")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "401", description = "Workspace, email or password is not correct")
    @ApiResponse(responseCode = "403", description = "The X-Salesflow-Session header is missing")
    @ApiResponse(responseCode = "429", description = "Too many attempts; wait for Retry-After")
    ResponseEntity<AccessToken> signIn(
            @Parameter(description = HEADER_DOC, required = true, example = "1")
                    @RequestHeader(name = SESSION_HEADER, required = false)
                    String sessionHeader,
            @Valid @RequestBody AuthController.LoginRequest request,
            HttpServletRequest http) {
        requireSessionHeader(sessionHeader);
        return answer(signIn.startSession(request.tenant(), request.email(), request.password()), http);
    }

    @PostMapping("/session/refresh")
    @Operation(
            summary = "A new access token for the web app's session; the cookie is rotated",
            description = "A tab without an access token (a new one, a reload) signs itself in this way. Within "
                    + "seconds of a rotation the previous cookie still answers, for tabs refreshing at once.")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "401", description = "No session cookie, or its session ended: the cookie is cleared")
    @ApiResponse(responseCode = "403", description = "The X-Salesflow-Session header is missing")
    @ApiResponse(responseCode = "429", description = "Too many attempts; wait for Retry-After")
    ResponseEntity<AccessToken> refresh(
            @Parameter(description = HEADER_DOC, required = true, example = "1")
                    @RequestHeader(name = SESSION_HEADER, required = false)
                    String sessionHeader,
            @Parameter(hidden = true) @CookieValue(name = COOKIE, required = false) String refreshToken,
            HttpServletRequest http,
            HttpServletResponse response) {
        requireSessionHeader(sessionHeader);
        try {
            return answer(signIn.refreshSession(refreshToken), http);
        } catch (Problem refused) {
            if (refused.status() == 401) {
                response.addHeader(
                        HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO).toString());
            }
            throw refused;
        }
    }

    @DeleteMapping("/session")
    @Operation(summary = "Sign the web app out: its session ends, with its access tokens, and the cookie is cleared")
    @ApiResponse(responseCode = "204", description = "Signed out (also when there was no session)")
    @ApiResponse(responseCode = "403", description = "The X-Salesflow-Session header is missing")
    ResponseEntity<Void> signOut(
            @Parameter(description = HEADER_DOC, required = true, example = "1")
                    @RequestHeader(name = SESSION_HEADER, required = false)
                    String sessionHeader,
            @Parameter(hidden = true) @CookieValue(name = COOKIE, required = false) String refreshToken) {
        requireSessionHeader(sessionHeader);
        if (refreshToken != null && !refreshToken.isBlank()) {
            signIn.endSession(refreshToken);
        }
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO).toString())
                .build();
    }

    @PostMapping("/sessions/end-all")
    @Operation(
            summary = "Sign out everywhere: every session of the calling user ends, with its access tokens",
            description = "Authenticated with the access token. Every browser's refresh cookie stops working.")
    @ApiResponse(responseCode = "204", description = "Every session ended")
    @ApiResponse(responseCode = "401", description = "Not signed in")
    @ApiResponse(responseCode = "403", description = "An API key, which has no sessions")
    ResponseEntity<Void> endAll() {
        signIn.endAllSessions();
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO).toString())
                .build();
    }

    private static void requireSessionHeader(String value) {
        if (!"1".equals(value)) {
            throw new Problem(
                    403,
                    "session-header-missing",
                    "Session header missing",
                    "Calls with the session cookie must send '" + SESSION_HEADER + ": 1'");
        }
    }

    private static ResponseEntity<AccessToken> answer(SessionTokens tokens, HttpServletRequest http) {
        SecretResponses.mark(http);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.SET_COOKIE,
                        cookie(tokens.refreshToken(), Duration.ofSeconds(tokens.refreshExpiresIn()))
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new AccessToken(
                        tokens.accessToken(), tokens.tokenType(), tokens.expiresIn(), tokens.expiresAt()));
    }

    /** Secure even on http://localhost, where browsers keep Secure cookies too. */
    private static ResponseCookie cookie(String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value)
                .path(COOKIE_PATH)
                .httpOnly(true)
                .secure(true)
                .sameSite("Strict")
                .maxAge(maxAge)
                .build();
    }
}
