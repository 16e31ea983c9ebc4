package io.salesflow.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Marks a response as holding secrets (a new API key, tokens): such a response is never stored, not even for
 * replaying an {@code Idempotency-Key}.
 */
public final class SecretResponses {

    static final String ATTRIBUTE = SecretResponses.class.getName();

    private SecretResponses() {}

    public static void mark(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    static boolean isMarked(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(ATTRIBUTE));
    }
}
