package io.salesflow.contact;

import java.util.ArrayList;
import java.util.List;

/**
 * The addresses of one kind a contact has (emails or phone numbers) and which one is primary. The primary is
 * always one of them, and there is a primary whenever there are any.
 */
record ContactPoints(String primary, List<String> all) {

    ContactPoints {
        all = List.copyOf(all);
    }

    /** The given addresses instead of the current ones; the primary stays if it is among them, else the first. */
    ContactPoints replaceAll(List<String> values) {
        List<String> distinct = values.stream().distinct().toList();
        String kept = primary != null && distinct.contains(primary)
                ? primary
                : distinct.stream().findFirst().orElse(null);
        return new ContactPoints(kept, distinct);
    }

    /** The given address as primary, added in front when new; null drops the primary and promotes the next. */
    ContactPoints withPrimary(String value) {
        if (value == null) {
            List<String> rest = all.stream().filter(v -> !v.equals(primary)).toList();
            return new ContactPoints(rest.stream().findFirst().orElse(null), rest);
        }
        List<String> with = new ArrayList<>(all);
        if (!with.contains(value)) {
            with.add(0, value);
        }
        return new ContactPoints(value, with);
    }
}
