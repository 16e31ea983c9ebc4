package io.salesflow.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rate limits; defaults in application.yml.
 *
 * @param syncInterval how often each replica adds its counts to the shared ones in PostgreSQL and reads
 *     theirs; replicas together may admit this much traffic over a limit per other replica
 * @param loginsPerAddress logins and refreshes one client address may try, across all accounts
 * @param failedApiKeysPerAddress failed API-key authentications from one client address, after which keys
 *     from that address are refused unchecked until the window ends
 * @param perCaller API requests of one user or API key
 * @param perTenant API requests of one workspace, all callers together
 * @param publicPerAddress requests one client address may make to the public pages (contract signing); 120 a
 *     minute when not set
 */
@ConfigurationProperties("salesflow.rate-limits")
public record RateLimitProperties(
        @DefaultValue("1s") Duration syncInterval,
        Limit loginsPerAddress,
        Limit failedApiKeysPerAddress,
        Limit perCaller,
        Limit perTenant,
        Limit publicPerAddress) {

    /** At most {@code requests} in each {@code window}; a key's window starts with its first request. */
    public record Limit(int requests, Duration window) {
        public Limit {
            if (requests < 1 || window == null || window.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException(
                        "salesflow.rate-limits: requests must be at least 1 and window at least 1s");
            }
        }
    }

    public RateLimitProperties {
        if (publicPerAddress == null) {
            publicPerAddress = new Limit(120, Duration.ofMinutes(1));
        }
        if (syncInterval.isNegative() || syncInterval.isZero()) {
            throw new IllegalArgumentException("salesflow.rate-limits.sync-interval must be positive");
        }
        if (loginsPerAddress == null || failedApiKeysPerAddress == null || perCaller == null || perTenant == null) {
            throw new IllegalArgumentException(
                    "salesflow.rate-limits: logins-per-address, failed-api-keys-per-address, "
                            + "per-caller and per-tenant each need requests and window");
        }
    }

    Limit of(RateLimit limit) {
        return switch (limit) {
            case LOGINS_PER_ADDRESS -> loginsPerAddress;
            case FAILED_API_KEYS_PER_ADDRESS -> failedApiKeysPerAddress;
            case PER_CALLER -> perCaller;
            case PER_TENANT -> perTenant;
            case PUBLIC_PER_ADDRESS -> publicPerAddress;
        };
    }
}
