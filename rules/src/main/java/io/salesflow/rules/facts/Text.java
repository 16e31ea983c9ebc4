package io.salesflow.rules.facts;

import java.util.Locale;

/** The one normal form for text that rules compare: trimmed, lower-case, and {@code null} when blank. */
public final class Text {

    private Text() {}

    public static String normal(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip().toLowerCase(Locale.ROOT);
        return t.isEmpty() ? null : t;
    }
}
