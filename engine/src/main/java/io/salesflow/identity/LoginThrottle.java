package io.salesflow.identity;

import io.salesflow.platform.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing without letting anyone lock an account's owner out, and without telling
 * whether an email exists: failures are counted per (workspace, email, client address) and per (workspace,
 * email) for the email as typed, whether or not such a user exists. After {@code failed-logins-before-delay}
 * failures from one address, the next attempt from there waits, twice as long after each further failure;
 * after {@code failed-logins-per-account} failures from all addresses, so do addresses that never signed in
 * to the account. An attempt that has to wait is refused before its password is checked. Each checked attempt
 * is charged as a failure before its check (so parallel guesses cannot slip past the count) and given back
 * when it succeeds.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    /** Whether an attempt may be checked; if not, how long it must wait. */
    record Claim(Duration retryAfter, boolean accountWaitBegan) {
        boolean refused() {
            return retryAfter != null;
        }
    }

    private final LoginThrottleStore store;
    private final AuthProperties properties;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    LoginThrottle(
            LoginThrottleStore store,
            AuthProperties properties,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    static Problem refusal(Claim claim) {
        return Problem.tooManyRequests(
                "login-throttled",
                "Too many failed sign-ins",
                "Too many failed sign-ins with this email: wait before trying again (Retry-After says how many "
                        + "seconds), or ask an administrator of the workspace to lift the wait.",
                claim.retryAfter());
    }

    /** Decides whether an attempt may be checked and, if so, charges it as a failure. */
    Claim claim(String tenantSlug, String email, String address) {
        byte[] addressKey = key(tenantSlug, email, address == null ? "" : address);
        byte[] accountKey = key(tenantSlug, email);
        Instant now = clock.instant();
        return ownTransaction.execute(status -> {
            List<LoginThrottleStore.Row> rows = store.lock(addressKey, accountKey);
            LoginThrottleStore.Row byAddress = rows.get(0);
            LoginThrottleStore.Row byAccount = rows.get(1);
            boolean known = byAddress.signedInAt() != null
                    && byAddress.signedInAt().isAfter(now.minus(properties.knownAddressTtl()));
            Instant until = later(byAddress.nextAttemptAt(), known ? null : byAccount.nextAttemptAt());
            if (until != null && until.isAfter(now)) {
                return new Claim(Duration.between(now, until), false);
            }
            charge(byAddress, now, properties.failedLoginsBeforeDelay());
            int accountFailures = charge(byAccount, now, properties.failedLoginsPerAccount());
            return new Claim(null, accountFailures == properties.failedLoginsPerAccount());
        });
    }

    void signedIn(String tenantSlug, String email, String address) {
        ownTransaction.executeWithoutResult(status -> store.signedIn(
                key(tenantSlug, email, address == null ? "" : address),
                key(tenantSlug, email),
                clock.instant(),
                properties.failedLoginsPerAccount()));
    }

    /** An administrator lifts the waits of an account, from every address. */
    void clear(String tenantSlug, String email) {
        store.clear(key(tenantSlug, email));
    }

    /** When the account-wide wait ends, for those of the emails whose account has one now. */
    Map<String, Instant> accountWaits(String tenantSlug, Collection<String> emails) {
        Map<String, String> emailByKey = new HashMap<>();
        for (String email : emails) {
            emailByKey.put(HexFormat.of().formatHex(key(tenantSlug, email)), email);
        }
        Map<String, Instant> waits = new HashMap<>();
        store.waitsAfter(
                        emailByKey.keySet().stream()
                                .map(HexFormat.of()::parseHex)
                                .toList(),
                        clock.instant())
                .forEach((key, until) -> waits.put(emailByKey.get(key), until));
        return waits;
    }

    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT15M")
    void forgetQuietRows() {
        Instant now = clock.instant();
        int removed = store.forget(now.minus(properties.failedLoginMemory()), now.minus(properties.knownAddressTtl()));
        if (removed > 0) {
            log.info("Forgot {} login throttle rows without recent failures or sign-ins", removed);
        }
    }

    /** The failure count after this one; the next attempt waits once it reaches {@code free}. */
    private int charge(LoginThrottleStore.Row row, Instant now, int free) {
        boolean forgotten =
                row.lastFailureAt() == null || row.lastFailureAt().isBefore(now.minus(properties.failedLoginMemory()));
        int failures = (forgotten ? 0 : row.failures()) + 1;
        Duration wait = waitAfter(failures, free, properties.failedLoginDelay(), properties.maxFailedLoginDelay());
        store.charge(row.key(), failures, now, wait.isZero() ? null : now.plus(wait));
        return failures;
    }

    /** No wait below {@code free} failures, then {@code first}, doubling with each failure up to {@code max}. */
    static Duration waitAfter(int failures, int free, Duration first, Duration max) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = failures - free;
        if (doublings >= 30) {
            return max;
        }
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /** Digests, so the table (outside row-level security) holds no email or address. */
    private static byte[] key(String... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return sha256.digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
