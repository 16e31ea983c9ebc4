package io.salesflow.identity;

import java.time.Instant;

/**
 * What a sign-in or refresh issues: a short-lived access token and the session's next refresh token.
 *
 * @param expiresIn seconds the access token lives
 * @param expiresAt when the access token expires
 * @param refreshExpiresIn seconds the refresh token lives: until the session ends at the latest
 */
public record SessionTokens(
        String accessToken,
        String tokenType,
        long expiresIn,
        Instant expiresAt,
        String refreshToken,
        long refreshExpiresIn) {

    /** The answer of the JSON token endpoints, which hand the refresh token to the client. */
    Tokens tokens() {
        return new Tokens(accessToken, refreshToken, tokenType, expiresIn);
    }
}
