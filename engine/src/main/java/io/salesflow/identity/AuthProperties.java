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
 * @param sessionRefreshGrace how long a browser session's refresh cookie still answers after it was rotated, so
 *     that two tabs refreshing with the same cookie at the same moment both stay signed in; zero for none
 * @param failedLoginsBeforeDelay failed logins of one email from one client address answered at once; from
 *     then on each failure makes the next attempt from there wait, twice as long each time
 * @param failedLoginDelay the first such wait
 * @param maxFailedLoginDelay the longest wait
 * @param failedLoginsPerAccount failed logins of one email from all addresses together after which addresses
 *     that never signed in to the account wait as well (doubling the same way)
 * @param failedLoginMemory failures are forgotten after this long without another one
 * @param knownAddressTtl how long an address that signed in to an account is spared that account-wide wait
 */
@ConfigurationProperties("salesflow.auth")
public record AuthProperties(
        @DefaultValue("") String jwtSecret,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("14d") Duration refreshTokenTtl,
        @DefaultValue("30s") Duration sessionRefreshGrace,
        @DefaultValue("5") int failedLoginsBeforeDelay,
        @DefaultValue("30s") Duration failedLoginDelay,
        @DefaultValue("15m") Duration maxFailedLoginDelay,
        @DefaultValue("20") int failedLoginsPerAccount,
        @DefaultValue("24h") Duration failedLoginMemory,
        @DefaultValue("90d") Duration knownAddressTtl) {

    public AuthProperties {
        if (accessTokenTtl.compareTo(Duration.ofMinutes(15)) > 0 || accessTokenTtl.isNegative()) {
            throw new IllegalArgumentException("salesflow.auth.access-token-ttl must be at most 15 minutes");
        }
        if (sessionRefreshGrace.isNegative() || sessionRefreshGrace.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("salesflow.auth.session-refresh-grace must be between 0 and 1 minute");
        }
        if (failedLoginsBeforeDelay < 1 || failedLoginsPerAccount < 1) {
            throw new IllegalArgumentException(
                    "salesflow.auth.failed-logins-before-delay and failed-logins-per-account must be at least 1");
        }
        if (failedLoginDelay.isNegative()
                || failedLoginDelay.isZero()
                || maxFailedLoginDelay.compareTo(failedLoginDelay) < 0) {
            throw new IllegalArgumentException(
                    "salesflow.auth.failed-login-delay must be positive and at most max-failed-login-delay");
        }
        if (failedLoginMemory.compareTo(maxFailedLoginDelay) <= 0) {
            throw new IllegalArgumentException(
                    "salesflow.auth.failed-login-memory must be longer than max-failed-login-delay");
        }
    }
}
