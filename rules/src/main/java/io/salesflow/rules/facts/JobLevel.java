package io.salesflow.rules.facts;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** How senior a job title reads, from the words in it; the codes are what rules compare against. */
public enum JobLevel {
    STUDENT,
    VP,
    C_LEVEL,
    DIRECTOR,
    MANAGER,
    INDIVIDUAL;

    private static final Set<String> STUDENT_WORDS = Set.of("student", "intern", "trainee", "apprentice");
    private static final Set<String> VP_WORDS = Set.of("vp", "svp", "evp", "avp");
    private static final Set<String> C_WORDS = Set.of(
            "ceo",
            "cfo",
            "cto",
            "coo",
            "cmo",
            "cio",
            "ciso",
            "cro",
            "cpo",
            "cdo",
            "chief",
            "founder",
            "cofounder",
            "owner",
            "president",
            "partner");
    private static final Set<String> DIRECTOR_WORDS = Set.of("director", "head");
    private static final Set<String> MANAGER_WORDS = Set.of("manager", "lead", "supervisor", "teamlead");

    /** The code rules see in {@link LeadFacts#jobLevel()}: {@code c_level}, {@code vp}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level a title reads as, or {@code null} when there is no title. Checked from the most telling word. */
    public static JobLevel fromTitle(String title) {
        String t = Text.normal(title);
        if (t == null) {
            return null;
        }
        String spaced = " " + t.replaceAll("[^a-z0-9]+", " ").strip() + " ";
        List<String> words = Arrays.asList(spaced.strip().split(" "));
        if (words.stream().anyMatch(STUDENT_WORDS::contains)) {
            return STUDENT;
        }
        if (spaced.contains(" vice president ") || words.stream().anyMatch(VP_WORDS::contains)) {
            return VP;
        }
        if (spaced.contains(" co founder ") || words.stream().anyMatch(C_WORDS::contains)) {
            return C_LEVEL;
        }
        if (words.stream().anyMatch(DIRECTOR_WORDS::contains)) {
            return DIRECTOR;
        }
        if (words.stream().anyMatch(MANAGER_WORDS::contains)) {
            return MANAGER;
        }
        return INDIVIDUAL;
    }
}
