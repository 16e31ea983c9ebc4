package io.salesflow.identity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The one place sign-in compares a password with a hash. An account that does not exist or has no password
 * is compared with a dummy hash of the same cost, so every checked attempt takes one comparison's time and an
 * answer's speed tells nothing about the account. Comparisons are counted in
 * {@code salesflow.auth.password.checks}: a brute-force attempt shows up there as CPU it costs.
 */
@Component
class PasswordChecks {

    static final String METRIC = "salesflow.auth.password.checks";

    private final PasswordEncoder encoder;
    private final String dummyHash;
    private final Counter checks;

    PasswordChecks(PasswordEncoder encoder, MeterRegistry registry) {
        this.encoder = encoder;
        this.dummyHash = encoder.encode("not-a-real-password-" + System.nanoTime());
        this.checks = Counter.builder(METRIC)
                .description("Password hash comparisons made by sign-in")
                .register(registry);
    }

    /** Whether the password matches the hash; false for a null hash, after the same work. */
    boolean matches(String password, String hash) {
        checks.increment();
        boolean matches = encoder.matches(password, hash == null ? dummyHash : hash);
        return hash != null && matches;
    }
}
