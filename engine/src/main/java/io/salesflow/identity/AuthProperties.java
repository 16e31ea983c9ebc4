package io.salesflow.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login and token settings.
 *
 * @param jwtSecret HMAC key for access tokens, at least 32 bytes; all replicas must share it. Empty: a
 *     random key per process (single-instance development only; tokens die with a restart)
 * @param accessTokenTtl lifetime of an access token, at most 15 minutes
 * @param refreshTokenTtl lifetime of a login session and its refresh tokens
 * @param maxFailedLogins failed logins within {@code failedLoginWindow} that lock the account
 * @param failedLoginWindow the window in which {@code maxFailedLogins} failures lock the account
 * @param lockoutDuration how long a locked account stays locked
 * @param loginAttemptsPerIpPerMinute logins and refreshes one client address may try per minute, across all
 *     accounts (password spraying)
 */
@ConfigurationProperties("salesflow.auth")
public record AuthProperties(
        @DefaultValue("") String jwtSecret,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("14d") Duration refreshTokenTtl,
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration failedLoginWindow,
        @DefaultValue("15m") Duration lockoutDuration,
        @DefaultValue("30") int loginAttemptsPerIpPerMinute) {

    public AuthProperties {
        if (accessTokenTtl.compareTo(Duration.ofMinutes(15)) > 0 || accessTokenTtl.isNegative()) {
            throw new IllegalArgumentException("salesflow.auth.access-token-ttl must be at most 15 minutes");
        }
        if (maxFailedLogins < 1) {
            throw new IllegalArgumentException("salesflow.auth.max-failed-logins must be at least 1");
        }
    }
}
