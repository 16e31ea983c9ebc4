package io.salesflow.rules.drl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which rule of a DRL text a line belongs to, for problems Drools reports by line alone. */
final class RuleLines {

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|(\\S+))");

    private final List<Integer> starts = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    RuleLines(String drl) {
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = RULE.matcher(lines[i]);
            if (m.find()) {
                starts.add(i + 1);
                names.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
            }
        }
    }

    /** The rule whose text holds {@code line}, or {@code null} before the first rule. */
    String ruleAt(int line) {
        String found = null;
        for (int i = 0; i < starts.size() && starts.get(i) <= line; i++) {
            found = names.get(i);
        }
        return found;
    }

    /** The line a rule starts on, or 0. */
    int lineOf(String rule) {
        int i = names.indexOf(rule);
        return i < 0 ? 0 : starts.get(i);
    }
}
