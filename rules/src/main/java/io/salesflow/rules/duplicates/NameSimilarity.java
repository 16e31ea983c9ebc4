package io.salesflow.rules.duplicates;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** How alike two names are, 0 (nothing alike) to 1 (same), by Jaro-Winkler on normalised names. */
public final class NameSimilarity {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> LEGAL_FORMS = Set.of(
            "inc",
            "incorporated",
            "llc",
            "ltd",
            "limited",
            "plc",
            "gmbh",
            "ag",
            "kg",
            "co",
            "corp",
            "corporation",
            "company",
            "sa",
            "sas",
            "sarl",
            "srl",
            "spa",
            "bv",
            "nv",
            "oy",
            "ab",
            "as",
            "pty",
            "se",
            "the");

    private NameSimilarity() {}

    /** Lower-case, accents and punctuation removed, spaces collapsed. */
    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        // Plain ASCII has no accents to take off: decomposing it would give it back unchanged.
        String s = ascii(name)
                ? name
                : MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        s = NOT_WORD.matcher(s.toLowerCase(Locale.ROOT).replace("ß", "ss")).replaceAll(" ");
        return s.strip();
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** As {@link #normalise}, without legal forms and articles ({@code The Acme GmbH} → {@code acme}). */
    public static String normaliseCompany(String name) {
        StringBuilder b = new StringBuilder();
        for (String word : normalise(name).split(" ")) {
            if (!word.isEmpty() && !LEGAL_FORMS.contains(word)) {
                b.append(b.isEmpty() ? "" : " ").append(word);
            }
        }
        return b.toString();
    }

    public static double personNames(String a, String b) {
        return jaroWinkler(normalise(a), normalise(b));
    }

    /**
     * How alike two people's names are: the better of the whole names compared as one text and, when both people
     * have a first and a last name, the mean of the first names' and the last names' similarity. Jaro-Winkler over
     * the whole text undervalues a letter dropped early on when the rest repeats its letters: "Annika Oaneenhnlo"
     * and "Anika Oaneenhnlo" are 0.89 as one text (under the usual 0.9), but 0.96 and 1.0 part by part.
     */
    public static double people(String firstA, String lastA, String firstB, String lastB) {
        double whole = personNames(joined(firstA, lastA), joined(firstB, lastB));
        String[] a = {normalise(firstA), normalise(lastA)};
        String[] b = {normalise(firstB), normalise(lastB)};
        if (a[0].isEmpty() || a[1].isEmpty() || b[0].isEmpty() || b[1].isEmpty()) {
            return whole;
        }
        return Math.max(whole, (jaroWinkler(a[0], b[0]) + jaroWinkler(a[1], b[1])) / 2);
    }

    private static String joined(String first, String last) {
        return (first == null ? "" : first) + " " + (last == null ? "" : last);
    }

    public static double companyNames(String a, String b) {
        return jaroWinkler(normaliseCompany(a), normaliseCompany(b));
    }

    /** Jaro-Winkler similarity with the usual prefix scale 0.1 over at most 4 characters. */
    public static double jaroWinkler(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.equals(b) && !a.isEmpty() ? 1 : 0;
        }
        if (a.equals(b)) {
            return 1;
        }
        int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
        boolean[] matchedA = new boolean[a.length()];
        boolean[] matchedB = new boolean[b.length()];
        int matches = 0;
        for (int i = 0; i < a.length(); i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(b.length() - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        for (int i = 0, j = 0; i < a.length(); i++) {
            if (matchedA[i]) {
                while (!matchedB[j]) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        double m = matches;
        double jaro = (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
