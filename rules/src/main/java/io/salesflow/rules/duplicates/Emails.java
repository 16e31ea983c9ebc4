package io.salesflow.rules.duplicates;

import java.util.Locale;
import java.util.Optional;

/**
 * Email addresses in the form duplicates are compared in: trimmed and lower-case. Optionally, Gmail addresses lose
 * the dots of their local part ({@code j.doe@gmail.com} = {@code jdoe@gmail.com}, which Gmail delivers to the same
 * box) and googlemail.com becomes gmail.com; and optionally any address loses its {@code +tag}
 * ({@code jo+crm@acme.io} = {@code jo@acme.io}), which most providers deliver to the same box.
 */
public final class Emails {

    private Emails() {}

    /** The normalised address, or empty when {@code raw} is not {@code local@domain}. */
    public static Optional<String> normalise(String raw, boolean gmailDots, boolean plusTags) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip().toLowerCase(Locale.ROOT);
        int at = s.lastIndexOf('@');
        if (at <= 0 || at == s.length() - 1 || s.indexOf('@') != at || s.contains(" ")) {
            return Optional.empty();
        }
        String local = s.substring(0, at);
        String domain = s.substring(at + 1);
        if (plusTags && local.indexOf('+') > 0) {
            local = local.substring(0, local.indexOf('+'));
        }
        if (gmailDots && (domain.equals("gmail.com") || domain.equals("googlemail.com"))) {
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local.isEmpty() ? Optional.empty() : Optional.of(local + "@" + domain);
    }

    /** The domain of an address, lower-case, or empty. */
    public static Optional<String> domain(String email) {
        return normalise(email, false, false).map(e -> e.substring(e.indexOf('@') + 1));
    }
}
