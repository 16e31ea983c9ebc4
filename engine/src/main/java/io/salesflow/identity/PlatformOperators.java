package io.salesflow.identity;

import io.salesflow.platform.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The installation's platform operator (see {@link PlatformOperatorProperties}): checks their password and makes
 * their {@link Caller}, which belongs to no workspace and holds only {@link #OPERATE}.
 */
@Component
public class PlatformOperators {

    /** The one permission of the platform operator, and of nobody else. */
    public static final String OPERATE = "platform:operate";

    public static final String DEMO_USERNAME = "operator";

    private static final Logger log = LoggerFactory.getLogger(PlatformOperators.class);

    private final PasswordEncoder passwordEncoder;
    private final PlatformOperator operator;
    private final String passwordHash;
    private final String dummyHash;

    PlatformOperators(PlatformOperatorProperties properties, PasswordEncoder passwordEncoder, Environment environment) {
        this.passwordEncoder = passwordEncoder;
        this.dummyHash = passwordEncoder.encode("not-a-real-password-" + System.nanoTime());
        String username = properties.username().trim();
        String hash = properties.passwordHash().isBlank()
                ? properties.password().isBlank() ? "" : passwordEncoder.encode(properties.password())
                : properties.passwordHash().trim();
        if (username.isEmpty() && demoEnabled(environment)) {
            username = DEMO_USERNAME;
            hash = passwordEncoder.encode(environment.getProperty("salesflow.demo.password", "Salesflow-demo-1"));
            log.warn(
                    "No platform operator is configured: the demo operator '{}' stands in (demo data is on)", username);
        }
        if (username.isEmpty()) {
            log.info("No platform operator is configured: the engine API, Cockpit and the operations endpoints "
                    + "answer nobody (set salesflow.platform.operator.*)");
            this.operator = null;
            this.passwordHash = null;
            return;
        }
        if (!username.matches("[a-z][a-z0-9-]{2,39}")) {
            throw new IllegalArgumentException("salesflow.platform.operator.username must be 3 to 40 lower-case "
                    + "letters, digits and dashes, starting with a letter");
        }
        if (hash.isEmpty()) {
            throw new IllegalArgumentException(
                    "salesflow.platform.operator.password-hash (or password) must be set with the username");
        }
        this.operator = new PlatformOperator(idOf(username), username);
        this.passwordHash = hash;
    }

    private static boolean demoEnabled(Environment environment) {
        return environment.getProperty("salesflow.demo.enabled", Boolean.class, true);
    }

    /**
     * The operator's id: derived from the username, so every replica and every restart agree on it without a
     * table, and it can never be a workspace user's id (those are random UUIDs, version 4; this is version 3).
     */
    static UUID idOf(String username) {
        return UUID.nameUUIDFromBytes(("salesflow-platform-operator:" + username).getBytes(StandardCharsets.UTF_8));
    }

    /** The configured operator, if any. */
    public Optional<PlatformOperator> configured() {
        return Optional.ofNullable(operator);
    }

    /** Checks the password; a wrong username or password costs the same time and gets the same answer. */
    Caller signIn(String username, String password, PasswordChecks passwords) {
        boolean known = operator != null && operator.username().equals(username);
        boolean matches = passwords.matches(password, known ? passwordHash : null);
        if (!known || !matches) {
            throw Problem.unauthorized("invalid-credentials", "Username or password is not correct");
        }
        return caller(operator);
    }

    /** The caller of a platform token, while its operator is still the configured one. */
    Optional<Caller> caller(UUID id, String username) {
        return configured()
                .filter(o -> o.id().equals(id) && o.username().equals(username))
                .map(PlatformOperators::caller);
    }

    private static Caller caller(PlatformOperator operator) {
        return new Caller(
                Caller.Kind.PLATFORM_OPERATOR,
                operator.id(),
                operator.id(),
                null,
                null,
                operator.username(),
                Set.of(),
                Map.of(OPERATE, Scope.ALL),
                Set.of(),
                null);
    }

    /** The platform operator: an id for the engine's identity tables and a sign-in name. */
    public record PlatformOperator(UUID id, String username) {}
}
