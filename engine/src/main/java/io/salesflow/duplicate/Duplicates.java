package io.salesflow.duplicate;

import io.salesflow.audit.AuditLog;
import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.records.RecordAccess;
import io.salesflow.records.RecordQueries;
import io.salesflow.records.RecordType;
import io.salesflow.records.SqlPart;
import io.salesflow.tenancy.TenantContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Duplicate use cases: the candidates of one record for the calling user (computed now, under the tenant's
 * settings), the review queue of pairs found when records were created, dismissing a pair as no duplicate, and
 * filling the queue for a new record.
 */
@Service
public class Duplicates {

    /** Pairs a new record adds to the review queue at most ({@link #strongest}). */
    static final int PAIRS_PER_RECORD = 20;

    private final Profiles profiles;
    private final CandidatePairs pairs;
    private final DuplicateSettingsRepository settings;
    private final RecordQueries records;
    private final AuditLog audit;
    private final Map<String, RecordType> types;

    Duplicates(
            Profiles profiles,
            CandidatePairs pairs,
            DuplicateSettingsRepository settings,
            RecordQueries records,
            AuditLog audit,
            List<RecordType> types) {
        this.profiles = profiles;
        this.pairs = pairs;
        this.settings = settings;
        this.records = records;
        this.audit = audit;
        this.types = types.stream().collect(Collectors.toMap(RecordType::name, Function.identity()));
    }

    /** A candidate: the record, how similar (0-1) and why. */
    public record Candidate(UUID id, String title, double similarity, List<DuplicateReason> reasons) {}

    public record RecordRef(UUID id, String title) {}

    /** A pair in the review queue: the record created, the one it looks like, and why. */
    public record Pair(
            UUID id,
            String type,
            RecordRef record,
            RecordRef candidate,
            double similarity,
            List<DuplicateReason> reasons,
            Instant foundAt,
            Instant dismissedAt) {}

    /**
     * The records of the collection that look like record {@code id}, among those the caller may read, most similar
     * first; pairs dismissed as no duplicate are left out. The record itself must be readable (404 otherwise).
     */
    @Transactional(readOnly = true)
    public List<Candidate> of(String collection, UUID id, int limit) {
        RecordKind kind = kind(collection);
        Caller caller = Caller.require();
        Profile subject = profiles.of(kind, id, caller).orElseThrow(() -> notFound(kind, id));
        DuplicateSettings current = settings.current();
        Set<UUID> dismissed = pairs.dismissedWith(kind.type(), id);
        List<Profile> candidates = profiles.candidates(kind, subject, current, caller).stream()
                .filter(p -> !dismissed.contains(p.id()))
                .toList();
        return new DuplicateComparison(current)
                .matches(subject, candidates).stream()
                        .limit(limit)
                        .map(m ->
                                new Candidate(m.candidate().id(), m.candidate().title(), m.similarity(), m.reasons()))
                        .toList();
    }

    /** Open pairs of records of {@code type} the caller may both read, most similar first. */
    @Transactional(readOnly = true)
    public CursorPage<Pair> queue(String type, String cursor, int limit) {
        RecordKind kind = RecordKind.ofType(type == null ? "" : type)
                .orElseThrow(() -> Problem.invalid("type", "must be one of lead, contact, account"));
        RecordType recordType = types.get(kind.type());
        SqlPart readable = RecordAccess.predicate(Caller.require(), recordType.readPermission(), "r");
        if (readable == null) {
            throw Problem.forbidden("Your role does not allow reading " + kind.type() + " records");
        }
        QueuePosition after = QueuePosition.decode(cursor);
        List<CandidatePairs.Pair> page = pairs.open(
                kind,
                recordType.search().title(),
                readable,
                after == null ? null : after.similarity(),
                after == null ? null : after.id(),
                limit + 1);
        CursorPage<CandidatePairs.Pair> cursorPage =
                CursorPage.of(page, limit, p -> new QueuePosition(p.similarity(), p.id()).encode());
        return new CursorPage<>(
                cursorPage.items().stream().map(Duplicates::view).toList(), cursorPage.nextCursor());
    }

    /**
     * Marks a pair as no duplicate: neither record lists the other as a candidate again. The caller must be allowed
     * to change both records; a pair with a record they cannot read does not exist for them.
     */
    @Transactional
    public Pair dismiss(UUID pairId) {
        Caller caller = Caller.require();
        CandidatePairs.Pair pair = pairs.find(pairId).orElseThrow(() -> Problem.notFound("Duplicate pair", pairId));
        RecordType type = types.get(pair.recordType());
        if (!records.isLive(type, pair.recordId(), caller) || !records.isLive(type, pair.candidateId(), caller)) {
            throw Problem.notFound("Duplicate pair", pairId);
        }
        if (!records.isWritable(type, pair.recordId(), caller)
                || !records.isWritable(type, pair.candidateId(), caller)) {
            throw Problem.forbidden("Dismissing a pair needs the right to change both " + type.name() + "s");
        }
        Instant dismissedAt = pairs.dismiss(pairId, caller.userId());
        if (pair.dismissedAt() == null) {
            audit.record(
                    "duplicate.dismissed",
                    "duplicate_pair",
                    pairId,
                    null,
                    Map.of(
                            "recordType",
                            pair.recordType(),
                            "recordId",
                            pair.recordId(),
                            "candidateId",
                            pair.candidateId()));
        }
        RecordKind kind = RecordKind.ofType(pair.recordType()).orElseThrow();
        return new Pair(
                pair.id(),
                pair.recordType(),
                new RecordRef(pair.recordId(), title(kind, pair.recordId(), caller)),
                new RecordRef(pair.candidateId(), title(kind, pair.candidateId(), caller)),
                pair.similarity(),
                pair.reasons(),
                pair.foundAt(),
                dismissedAt);
    }

    private String title(RecordKind kind, UUID id, Caller caller) {
        return profiles.of(kind, id, caller).map(Profile::title).orElse(null);
    }

    /** Keeps the candidates of a new record in the review queue, among all the tenant's records; answers how many. */
    @Transactional
    public int findForNew(String type, UUID id) {
        RecordKind kind = RecordKind.ofType(type).orElseThrow();
        return profiles.of(kind, id, null)
                .map(subject -> {
                    DuplicateSettings current = settings.current();
                    List<DuplicateComparison.Match> matches = new DuplicateComparison(current)
                            .matches(subject, profiles.candidates(kind, subject, current, null));
                    List<DuplicateComparison.Match> kept = strongest(matches);
                    pairs.addAll(TenantContext.require(), kind.type(), id, kept);
                    return kept.size();
                })
                .orElse(0);
    }

    /**
     * The {@value #PAIRS_PER_RECORD} matches a new record keeps in the queue: those sharing an exact key (email,
     * phone) first, then the most similar. However many records look alike (thousands sharing a name), a record
     * adds at most that many pairs, so the queue grows with the number of records, never with their square.
     */
    static List<DuplicateComparison.Match> strongest(List<DuplicateComparison.Match> matches) {
        return matches.stream()
                .sorted(Comparator.comparing(Duplicates::exact)
                        .reversed()
                        .thenComparing(Comparator.comparingDouble(DuplicateComparison.Match::similarity)
                                .reversed()))
                .limit(PAIRS_PER_RECORD)
                .toList();
    }

    private static boolean exact(DuplicateComparison.Match match) {
        return match.reasons().stream()
                .anyMatch(r -> r.reason().equals("same_email") || r.reason().equals("same_phone"));
    }

    /** Forgets the pairs of records purged for good. */
    @Transactional
    public int forgetPurged(String type, List<UUID> ids) {
        return RecordKind.ofType(type).map(k -> pairs.removeAllOf(type, ids)).orElse(0);
    }

    private static Pair view(CandidatePairs.Pair p) {
        return new Pair(
                p.id(),
                p.recordType(),
                new RecordRef(p.recordId(), p.recordTitle()),
                new RecordRef(p.candidateId(), p.candidateTitle()),
                p.similarity(),
                p.reasons(),
                p.foundAt(),
                p.dismissedAt());
    }

    static RecordKind kind(String collection) {
        return RecordKind.ofCollection(collection).orElseThrow(() -> Problem.notFound("Collection", collection));
    }

    private static Problem notFound(RecordKind kind, UUID id) {
        String name = kind.type();
        return Problem.notFound(Character.toUpperCase(name.charAt(0)) + name.substring(1), id);
    }
}
