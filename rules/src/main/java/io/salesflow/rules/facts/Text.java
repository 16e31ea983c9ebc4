package io.salesflow.rules.facts;

import java.util.Locale;

/** The one normal form for text that rules compare: trimmed, lower-case, and {@code null} when blank. */
public final class Text {

    private Text() {}

    private static final java.util.regex.Pattern CONTROL =
            java.util.regex.Pattern.compile("[\\x00-\\x08\\x0B\\x0E-\\x1F\\x7F]");

    public static String normal(String s) {
        if (s == null) {
            return null;
        }
        // Control characters other than whitespace mean nothing in a name, and a NUL cannot live in a DRL literal
        // (the rule's copy of the value would end there): both sides of a comparison drop them.
        String t = CONTROL.matcher(s).replaceAll("").strip().toLowerCase(Locale.ROOT);
        return t.isEmpty() ? null : t;
    }
}
