package io.salesflow.rules.criteria;

import java.util.List;
import java.util.stream.Collectors;

/** Writes admin-given text into DRL as string literals that cannot break out of their quotes. */
public final class DrlLiteral {

    private DrlLiteral() {}

    public static String of(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c == '$' || c == '@' || c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    static String list(List<String> values) {
        return values.stream().map(DrlLiteral::of).collect(Collectors.joining(", "));
    }
}
