package io.salesflow.rules.drl;

import java.util.Optional;
import java.util.regex.Pattern;

/** Rule and group names an admin may give: they are written into DRL between quotes, so quotes are out. */
public final class RuleNames {

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N} _.,:;/&+%#()<>=!?'*-]{1,120}");

    private RuleNames() {}

    public static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("a rule needs a name");
        }
        if (!ALLOWED.matcher(name).matches() || !name.equals(name.strip())) {
            return Optional.of("rule name \"" + name + "\" must be 1-120 letters, digits, spaces or"
                    + " _.,:;/&+%#()<>=!?'*- without leading or trailing spaces");
        }
        return Optional.empty();
    }
}
