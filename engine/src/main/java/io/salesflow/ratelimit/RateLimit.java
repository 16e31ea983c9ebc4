package io.salesflow.ratelimit;

/** What a limit counts, each configured under {@code salesflow.rate-limits}. */
public enum RateLimit {
    /** Logins and token refreshes from one client address. */
    LOGINS_PER_ADDRESS,
    /** API keys from one client address that failed to authenticate. */
    FAILED_API_KEYS_PER_ADDRESS,
    /** API requests of one user or API key. */
    PER_CALLER,
    /** API requests of all callers of one workspace. */
    PER_TENANT,
    /** Requests from one client address to the public pages that need no account (contract signing). */
    PUBLIC_PER_ADDRESS
}
