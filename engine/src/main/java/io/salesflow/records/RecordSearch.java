package io.salesflow.records;

import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Global search across the searchable record types in one statement: a record matches when every query word
 * matches one of its words exactly, as a prefix, or within a small edit distance ("Jhon Smiht" finds "John
 * Smith"), or shares its English stem ("consulting" finds "Consultants"). Closer matches rank higher, then
 * trigram similarity of the whole text. Candidates come from the search postings kept from each table's
 * {@code search_text} (migration V18); each type's part carries the caller's record-level access, and types
 * the caller may not read are left out.
 */
@Component
public class RecordSearch {

    private static final int MAX_WORDS = 6;
    private static final int MAX_EXPANSION = 1000;
    /**
     * Records of one type scored per query, twice at most: those having every query word exactly, then those
     * having its expansions. Scoring costs about a tenth of a millisecond a record, so a common word ("smith"
     * on tens of thousands of records) would otherwise cost more as records pile up; exact matches, which rank
     * first, are looked at first.
     */
    static final int MAX_CANDIDATES = 200;

    private final List<RecordType> types;
    private final JdbcTemplate jdbc;

    RecordSearch(List<RecordType> types, JdbcTemplate jdbc) {
        this.types = types;
        this.jdbc = jdbc;
    }

    public record Hit(String type, UUID id, String title, String subtitle, double score) {}

    @Transactional(readOnly = true)
    public List<Hit> search(String query, List<String> onlyTypes, int limit, Caller caller) {
        String[] words = words(query);
        List<String[]> expansions = Arrays.stream(words).map(this::expand).toList();
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (RecordType type : types) {
            if (type.search() == null || (!onlyTypes.isEmpty() && !onlyTypes.contains(type.name()))) {
                continue;
            }
            SqlPart access = RecordAccess.predicate(caller, type.readPermission(), "r");
            if (access == null) {
                continue;
            }
            SqlPart candidates = candidates(type.name(), words, expansions);
            parts.add("SELECT ?::text AS type, r.id, " + type.search().title() + " AS title, "
                    + type.search().subtitle() + " AS subtitle, m.score + similarity(r.search_text, ?) AS rank FROM "
                    + type.table() + " r CROSS JOIN LATERAL (" + WORD_MATCH + ") m WHERE r.deleted_at IS NULL AND "
                    + candidates.sql() + " AND m.matched = ? AND (" + access.sql() + ")");
            params.addAll(List.of(type.name(), String.join(" ", words), words));
            params.addAll(candidates.params());
            params.add(words.length);
            params.addAll(access.params());
        }
        if (parts.isEmpty()) {
            return List.of();
        }
        String sql = String.join(" UNION ALL ", parts) + " ORDER BY rank DESC, title LIMIT " + limit;
        return jdbc.query(
                sql,
                (rs, n) -> new Hit(
                        rs.getString("type"),
                        rs.getObject("id", UUID.class),
                        rs.getString("title"),
                        rs.getString("subtitle"),
                        Math.round(rs.getDouble("rank") * 1000) / 1000.0),
                params.toArray());
    }

    /**
     * The terms a query word stands for (see {@link #WORD_MATCH}): the tenant's dictionary words it equals,
     * starts or nearly equals (typos are looked for among plain words only, not emails or phone numbers), and
     * its English stem.
     */
    private String[] expand(String word) {
        int distance = word.length() >= 4 ? 2 : word.length() == 3 ? 1 : 0;
        return jdbc.queryForList(
                        "(SELECT w.word FROM search_words w WHERE w.word ~>=~ ? AND w.word ~<~ ? LIMIT "
                                + (MAX_EXPANSION + 1) + ") UNION (SELECT w.word FROM search_words w WHERE ? > 0"
                                + " AND w.word !~ '[0-9@.]' AND length(w.word) BETWEEN ? AND ?"
                                + " AND levenshtein_less_equal(w.word, ?, ?) <= ?) UNION (SELECT s FROM"
                                + " app_search_stem(?) s WHERE s IS NOT NULL)",
                        String.class,
                        word,
                        word + '\uffff',
                        distance,
                        word.length() - distance,
                        word.length() + distance,
                        word,
                        distance,
                        distance,
                        word)
                .toArray(String[]::new);
    }

    /**
     * Per query word its best match among the record's words: 3 exact, 2 prefix or same stem, 1 near; 0
     * counts as none.
     */
    private static final String WORD_MATCH = "SELECT coalesce(sum(best), 0) AS score, count(*) AS matched FROM"
            + " (SELECT q, max(CASE WHEN w = q THEN 3 WHEN w LIKE q || '%' THEN 2"
            + " WHEN app_search_stem(w) = app_search_stem(q) THEN 2"
            + " WHEN length(q) >= 4 AND levenshtein_less_equal(w, q, 2) <= 2 THEN 1"
            + " WHEN length(q) = 3 AND levenshtein_less_equal(w, q, 1) <= 1 THEN 1 ELSE 0 END) AS best"
            + " FROM unnest(?::text[]) q, unnest(app_search_words(r.search_text)) w GROUP BY q) s WHERE best > 0";

    /**
     * The records worth scoring, from the postings: first those having every query word exactly, then those
     * having, for every query word, one of the terms it expanded to; each set stopped at
     * {@value #MAX_CANDIDATES}. A word so short that it expands to very many words narrows nothing in the second
     * set and is left to the scoring.
     */
    static SqlPart candidates(String type, String[] words, List<String[]> expansions) {
        List<String[]> exact = Arrays.stream(words).map(w -> new String[] {w}).toList();
        SqlPart expanded = intersection(
                type, expansions.stream().filter(e -> e.length <= MAX_EXPANSION).toList());
        if (expanded == null) {
            return SqlPart.of("TRUE");
        }
        SqlPart exactly = intersection(type, exact);
        return SqlPart.join("r.id IN (", exactly, " UNION ", expanded, ")");
    }

    /** The records having, for each term list, one of its terms; the first {@value #MAX_CANDIDATES} found. */
    private static SqlPart intersection(String type, List<String[]> termLists) {
        if (termLists.isEmpty()) {
            return null;
        }
        List<SqlPart> postings = termLists.stream()
                .map(e -> SqlPart.of(
                        "SELECT p.record_id FROM search_postings p WHERE p.record_type = ? AND p.term = ANY (?::text[])",
                        type,
                        e))
                .toList();
        List<Object> params = new ArrayList<>();
        postings.forEach(p -> params.addAll(p.params()));
        return new SqlPart(
                "(SELECT c.record_id FROM ("
                        + String.join(
                                " INTERSECT ",
                                postings.stream().map(SqlPart::sql).toList()) + ") c LIMIT "
                        + MAX_CANDIDATES + ")",
                params);
    }

    private static String[] words(String query) {
        if (query == null || query.isBlank()) {
            throw Problem.invalid("q", "must not be blank");
        }
        String[] words = Arrays.stream(query.toLowerCase(Locale.ROOT).split("[^\\p{Alnum}@.]+"))
                .filter(w -> w.length() >= 2)
                .map(w -> w.length() > 50 ? w.substring(0, 50) : w)
                .distinct()
                .limit(MAX_WORDS)
                .toArray(String[]::new);
        if (words.length == 0) {
            throw Problem.invalid("q", "needs a word of at least two letters");
        }
        return words;
    }
}
