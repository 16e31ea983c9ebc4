package io.salesflow.identity;

/** What a successful login or refresh returns: a short-lived access token and the next refresh token. */
public record Tokens(String accessToken, String refreshToken, String tokenType, long expiresIn) {}
