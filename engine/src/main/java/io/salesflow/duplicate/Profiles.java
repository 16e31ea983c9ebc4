package io.salesflow.duplicate;

import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.Problem;
import io.salesflow.records.RecordAccess;
import io.salesflow.records.RecordType;
import io.salesflow.records.SqlPart;
import io.salesflow.rules.duplicates.CompanyDomains;
import io.salesflow.rules.duplicates.NameSimilarity;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads records as {@link Profile}s and pre-selects the candidates worth comparing, in SQL and by index: records
 * sharing an exact key with the subject ({@code duplicate_keys}: email, phone, company domain; exact ones first),
 * and records sharing a name word with it (the search postings), rarest shared words first (a word weighs one
 * over the number of records it is on). Only live records count,
 * and for a caller only those they may read; without a caller (the system, filling the review queue) the tenant's.
 */
@Component
class Profiles {

    private static final int KEY_CANDIDATES = 500;
    private static final int NAME_CANDIDATES = 200;

    /**
     * Records one key or name word brings in at most. A word on thousands of records (a common surname, a big
     * customer's domain, "Consulting") says little about any one of them; reading all of its records would make
     * every new record cost more as similar ones pile up. The rare words and exact keys that single out a
     * duplicate stay whole. Of the records name words bring in, twice {@link #NAME_CANDIDATES} with the rarest
     * words are read.
     */
    private static final int RECORDS_PER_KEY = 250;

    private final JdbcTemplate jdbc;
    private final Map<String, RecordType> types;

    Profiles(JdbcTemplate jdbc, List<RecordType> types) {
        this.jdbc = jdbc;
        this.types = types.stream().collect(Collectors.toMap(RecordType::name, Function.identity()));
    }

    /** The live record {@code id}, if it exists and the caller (when there is one) may read it. */
    Optional<Profile> of(RecordKind kind, UUID id, Caller caller) {
        SqlPart where = live(kind, caller);
        List<Object> params = new ArrayList<>(List.of(id));
        params.addAll(where.params());
        return jdbc
                .query(
                        select(
                                kind,
                                "SELECT app_current_tenant() AS tenant_id, ?::uuid AS record_id, 0 AS rank",
                                where),
                        this::profile,
                        params.toArray())
                .stream()
                .findFirst();
    }

    /** The live records worth comparing with {@code subject}, readable by the caller when there is one. */
    List<Profile> candidates(RecordKind kind, Profile subject, DuplicateSettings settings, Caller caller) {
        Map<UUID, Profile> found = new LinkedHashMap<>();
        sharingKeys(kind, subject, settings, caller).forEach(p -> found.putIfAbsent(p.id(), p));
        if (settings.signals().name()) {
            sharingNameWords(kind, subject, caller).forEach(p -> found.putIfAbsent(p.id(), p));
        }
        return List.copyOf(found.values());
    }

    private List<Profile> sharingKeys(RecordKind kind, Profile subject, DuplicateSettings settings, Caller caller) {
        List<String> kinds = new ArrayList<>();
        DuplicateSettings.Signals on = settings.signals();
        if (on.email()) {
            kinds.add("email");
        }
        if (on.phone()) {
            kinds.add("phone");
        }
        if (on.domain()) {
            kinds.add("domain");
        }
        if (kinds.isEmpty()) {
            return List.of();
        }
        SqlPart where = live(kind, caller);
        List<Object> params = new ArrayList<>(List.of(
                kind.type(),
                subject.id(),
                kinds.toArray(String[]::new),
                CompanyDomains.FREE_MAIL.toArray(String[]::new)));
        params.addAll(where.params());
        return jdbc.query(
                select(
                                kind,
                                "SELECT c.tenant_id, c.record_id, min(CASE s.kind WHEN 'domain' THEN 1 ELSE 0 END) AS rank"
                                        + " FROM duplicate_keys s CROSS JOIN LATERAL (SELECT c.tenant_id, c.record_id FROM duplicate_keys c"
                                        + " WHERE c.tenant_id = s.tenant_id AND c.record_type = s.record_type AND c.kind = s.kind"
                                        + " AND c.key = s.key AND c.record_id <> s.record_id ORDER BY c.record_id LIMIT "
                                        + RECORDS_PER_KEY + ") c"
                                        + " WHERE s.record_type = ? AND s.record_id = ? AND s.kind = ANY (?)"
                                        + " AND NOT (s.kind = 'domain' AND s.key = ANY (?))"
                                        + " GROUP BY c.tenant_id, c.record_id",
                                where)
                        + " ORDER BY k.rank, r.id LIMIT " + KEY_CANDIDATES,
                this::profile,
                params.toArray());
    }

    private List<Profile> sharingNameWords(RecordKind kind, Profile subject, Caller caller) {
        String[] words = nameWords(subject);
        if (words.length == 0) {
            return List.of();
        }
        SqlPart where = live(kind, caller);
        List<Object> params = new ArrayList<>(List.of(words, kind.type(), subject.id()));
        params.addAll(where.params());
        return jdbc.query(
                select(
                                kind,
                                "SELECT p.tenant_id, p.record_id, -sum(p.weight) AS rank FROM (SELECT q.tenant_id, q.record_id,"
                                        + " 1.0 / count(*) OVER (PARTITION BY w.term) AS weight FROM unnest(?::text[]) AS w(term)"
                                        + " CROSS JOIN LATERAL (SELECT q.tenant_id, q.record_id FROM search_postings q"
                                        + " WHERE q.record_type = ? AND q.term = w.term AND q.record_id <> ?"
                                        + " ORDER BY q.record_id LIMIT " + RECORDS_PER_KEY + ") q) p"
                                        + " GROUP BY p.tenant_id, p.record_id ORDER BY rank, p.record_id LIMIT "
                                        + 2 * NAME_CANDIDATES,
                                where)
                        + " ORDER BY k.rank, r.id LIMIT " + NAME_CANDIDATES,
                this::profile,
                params.toArray());
    }

    /**
     * The words of the subject's names as search indexes them (lower case), and without accents; legal forms and
     * articles ({@code GmbH}, {@code The}) left out, which would find every company that has them.
     */
    static String[] nameWords(Profile p) {
        Set<String> words = new LinkedHashSet<>();
        for (String name : Arrays.asList(p.firstName(), p.lastName(), p.company())) {
            if (name == null) {
                continue;
            }
            words.addAll(Arrays.asList(name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}@.]+")));
            words.addAll(Arrays.asList(NameSimilarity.normalise(name).split(" ")));
        }
        return words.stream()
                .filter(w ->
                        w.length() >= 2 && !NameSimilarity.normaliseCompany(w).isEmpty())
                .toArray(String[]::new);
    }

    /**
     * The live records among {@code candidates} (a query of {@code tenant_id}, {@code record_id} and a
     * {@code rank}, taking its own parameters before {@code where}'s), as {@code k} beside {@code r}. Each record is
     * read by its primary key once the candidates are found; {@code where} (live, readable) is checked on the record
     * read, outside the lookup, so the index of live records is no alternative to the key. Joined the other way, a
     * workspace newer than the planner's statistics (estimated at one row) had its live records walked by another
     * index for every new one: 4,000 index entries for a lookup at 4,000 leads. The candidates'
     * {@code ORDER BY record_id} makes which of a common key's records are read the same each time.
     */
    private String select(RecordKind kind, String candidates, SqlPart where) {
        return "SELECT r.id, " + type(kind).search().title() + " AS title, " + kind.profileColumns() + " FROM ("
                + candidates + ") k CROSS JOIN LATERAL (SELECT * FROM " + kind.collection()
                + " x WHERE x.tenant_id = k.tenant_id AND x.id = k.record_id OFFSET 0) r WHERE " + where.sql();
    }

    private SqlPart live(RecordKind kind, Caller caller) {
        if (caller == null) {
            return new SqlPart("r.deleted_at IS NULL", List.of());
        }
        RecordType type = type(kind);
        SqlPart access = RecordAccess.predicate(caller, type.readPermission(), "r");
        if (access == null) {
            throw Problem.forbidden("Your role does not allow reading " + type.name() + " records");
        }
        return new SqlPart("r.deleted_at IS NULL AND (" + access.sql() + ")", access.params());
    }

    private RecordType type(RecordKind kind) {
        return types.get(kind.type());
    }

    private Profile profile(ResultSet rs, int row) throws SQLException {
        return new Profile(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                strings(rs.getArray(6)),
                strings(rs.getArray(7)),
                rs.getString(8),
                rs.getString(9));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
