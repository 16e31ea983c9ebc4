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
 * Smith"); closer matches rank higher, then trigram similarity of the whole text. Each type's part carries
 * the caller's record-level access, and types the caller may not read are left out.
 */
@Component
public class RecordSearch {

    private static final int MAX_WORDS = 6;

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
            String document = "concat_ws(' ', "
                    + String.join(
                            ", ",
                            type.search().columns().stream().map(c -> "r." + c).toList()) + ")";
            parts.add("SELECT ?::text AS type, r.id, " + type.search().title() + " AS title, "
                    + type.search().subtitle() + " AS subtitle, m.score + similarity(lower(" + document
                    + "), ?) AS rank FROM " + type.table() + " r CROSS JOIN LATERAL (" + wordMatch(document)
                    + ") m WHERE r.deleted_at IS NULL AND m.matched = ? AND (" + access.sql() + ")");
            params.add(type.name());
            params.add(String.join(" ", words));
            params.add(words);
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

    /** Per query word its best match among the document's words: 3 exact, 2 prefix, 1 near; 0 counts as none. */
    private static String wordMatch(String document) {
        return "SELECT coalesce(sum(best), 0) AS score, count(*) AS matched FROM (SELECT q, max(CASE"
                + " WHEN w = q THEN 3 WHEN w LIKE q || '%' THEN 2"
                + " WHEN length(q) >= 4 AND levenshtein_less_equal(w, q, 2) <= 2 THEN 1"
                + " WHEN length(q) = 3 AND levenshtein_less_equal(w, q, 1) <= 1 THEN 1 ELSE 0 END) AS best"
                + " FROM unnest(?::text[]) q, unnest(app_search_words(" + document + ")) w GROUP BY q) s"
                + " WHERE best > 0";
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
