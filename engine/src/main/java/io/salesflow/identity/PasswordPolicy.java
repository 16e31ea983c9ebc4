package io.salesflow.identity;

import io.salesflow.platform.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be: long enough, short enough for bcrypt, not the email, not one of the passwords everyone
 * tries first.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;
    static final int MAX_BYTES = 72;
    private static final Set<String> COMMON = Set.of(
            "password123",
            "password1234",
            "1234567890",
            "qwertyuiop",
            "letmein123",
            "welcome123",
            "salesflow123",
            "changeme123",
            "iloveyou123",
            "admin12345");

    private PasswordPolicy() {}

    static void check(String field, String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw Problem.invalid(field, "must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw Problem.invalid(field, "must have at most " + MAX_LENGTH + " characters");
        }
        // bcrypt reads 72 bytes at most, and Spring's encoder refuses more rather than ignore the rest.
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw Problem.invalid(field, "must have at most " + MAX_BYTES + " bytes in UTF-8 (fewer with accents)");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || (email != null && lower.contains(email.toLowerCase(Locale.ROOT)))) {
            throw Problem.invalid(field, "is too easy to guess");
        }
    }
}
