package io.salesflow.sequence;

import io.salesflow.email.Suppressions;
import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.records.ListQuery;
import io.salesflow.records.ListQueryParser;
import io.salesflow.records.RecordQueries;
import io.salesflow.records.RecordTitles;
import io.salesflow.records.RecordType;
import io.salesflow.savedview.SavedView;
import io.salesflow.savedview.SavedViews;
import io.salesflow.textmessage.OptOuts;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrolling leads and contacts in sequences, and ending enrolments. An enrolment is saved and its process started in
 * one transaction; a record is refused with a reason when it cannot be reached by the sequence's channels (no
 * address, suppressed, opted out, no consent) or is in the sequence, or another exclusive one of its mailbox, already.
 */
@Service
public class Enrolments {

    public static final String REPLIED = "replied";
    public static final String BOUNCED = "bounced";
    public static final String UNSUBSCRIBED = "unsubscribed";
    public static final String MEETING = "meeting";
    static final List<String> RECORD_TYPES = List.of("lead", "contact");
    /** The most records one call enrols by id. */
    public static final int MAX_RECORDS = 500;

    private final SequenceStore sequences;
    private final EnrolmentStore store;
    private final SequenceRunner runner;
    private final Suppressions suppressions;
    private final OptOuts optOuts;
    private final RecordQueries records;
    private final SavedViews views;
    private final Map<String, RecordType> types;
    private final RecordTitles titles;

    Enrolments(
            SequenceStore sequences,
            EnrolmentStore store,
            SequenceRunner runner,
            Suppressions suppressions,
            OptOuts optOuts,
            RecordQueries records,
            SavedViews views,
            List<RecordType> types,
            RecordTitles titles) {
        this.sequences = sequences;
        this.store = store;
        this.runner = runner;
        this.suppressions = suppressions;
        this.optOuts = optOuts;
        this.records = records;
        this.views = views;
        this.types = types.stream().collect(Collectors.toMap(RecordType::name, Function.identity()));
        this.titles = titles;
    }

    /** Enrols a record the caller may see, by hand; a refusal is a problem saying why, and nothing is saved. */
    @Transactional
    public Enrolment enrol(UUID sequenceId, String recordType, UUID recordId) {
        Caller caller = Caller.require();
        Sequence sequence =
                sequences.find(sequenceId, false).orElseThrow(() -> Problem.notFound("Sequence", sequenceId));
        if (!RECORD_TYPES.contains(recordType)) {
            throw Problem.invalid("recordType", "must be lead or contact");
        }
        if (!records.isVisible(types.get(recordType), recordId, caller)) {
            throw Problem.notFound(recordType.equals("lead") ? "Lead" : "Contact", recordId);
        }
        Outcome outcome = enrolOne(sequence, recordType, recordId, "manual", caller.userId());
        if (outcome.refused() != null) {
            throw outcome.refused().problem();
        }
        return outcome.enrolment();
    }

    /** What a bulk enrolment did with one page of a saved view: who got in, who not and why, and where to go on. */
    @Schema(name = "SequenceBulkEnrolment")
    public record BulkEnrolment(List<Enrolment> enrolled, List<Skipped> skipped, String nextCursor) {}

    /** A record left out of a bulk enrolment. */
    @Schema(name = "SequenceSkippedRecord")
    public record Skipped(UUID recordId, String type, String reason) {}

    /**
     * Enrols one page (at most {@code limit}) of the records a saved view lists for the caller, in key order; each
     * record that cannot be enrolled is reported with its reason and the others go on. Call again with
     * {@code nextCursor} for the next page: no call reads more than one page.
     */
    @Transactional
    public BulkEnrolment enrolView(UUID sequenceId, UUID savedViewId, String cursor, int limit) {
        Caller caller = Caller.require();
        Sequence sequence =
                sequences.find(sequenceId, false).orElseThrow(() -> Problem.notFound("Sequence", sequenceId));
        SavedView view = views.get(savedViewId);
        if (!RECORD_TYPES.contains(view.recordType())) {
            throw Problem.invalid("savedViewId", "lists " + view.recordType() + "s; sequences take leads and contacts");
        }
        RecordType type = types.get(view.recordType());
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (view.state() != null && view.state().filters() != null) {
            for (SavedView.SavedViewFilter filter : view.state().filters()) {
                String value = "me".equals(filter.value()) ? caller.userId().toString() : filter.value();
                params.computeIfAbsent(
                                filter.op() == null || filter.op().equals("eq")
                                        ? filter.field()
                                        : filter.field() + "[" + filter.op() + "]",
                                k -> new ArrayList<>())
                        .add(value);
            }
        }
        params.put("limit", List.of(String.valueOf(limit)));
        params.put("fields", List.of("id"));
        if (cursor != null) {
            params.put("cursor", List.of(cursor));
        }
        ListQuery query = ListQueryParser.parse(type, params);
        CursorPage<Map<String, Object>> page = records.list(type, query, caller);
        List<Enrolment> enrolled = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Map<String, Object> row : page.items()) {
            UUID recordId = UUID.fromString(row.get("id").toString());
            Outcome outcome = enrolOne(sequence, type.name(), recordId, "bulk", caller.userId());
            if (outcome.refused() != null) {
                skipped.add(new Skipped(
                        recordId, outcome.refused().type(), outcome.refused().reason()));
            } else {
                enrolled.add(outcome.enrolment());
            }
        }
        return new BulkEnrolment(enrolled, skipped, page.nextCursor());
    }

    /**
     * Enrols records picked by id (at most {@link #MAX_RECORDS}, each once, in the order given); one the caller may not
     * see is skipped as {@code not-found}, like one that does not exist, and the others go on.
     */
    @Transactional
    public BulkEnrolment enrolRecords(UUID sequenceId, String recordType, List<UUID> recordIds) {
        Caller caller = Caller.require();
        Sequence sequence =
                sequences.find(sequenceId, false).orElseThrow(() -> Problem.notFound("Sequence", sequenceId));
        if (!RECORD_TYPES.contains(recordType)) {
            throw Problem.invalid("recordType", "must be lead or contact");
        }
        if (recordIds.size() > MAX_RECORDS) {
            throw Problem.invalid("recordIds", "must have at most " + MAX_RECORDS + " ids");
        }
        RecordType type = types.get(recordType);
        List<Enrolment> enrolled = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (UUID recordId : new LinkedHashSet<>(recordIds)) {
            Outcome outcome = records.isVisible(type, recordId, caller)
                    ? enrolOne(sequence, recordType, recordId, "bulk", caller.userId())
                    : refused(404, "not-found", "The " + recordType + " does not exist");
            if (outcome.refused() != null) {
                skipped.add(new Skipped(
                        recordId, outcome.refused().type(), outcome.refused().reason()));
            } else {
                enrolled.add(outcome.enrolment());
            }
        }
        return new BulkEnrolment(enrolled, skipped, null);
    }

    /** Enrols a lead for lead nurture's warm branch; the reason when it was refused. */
    @Transactional
    public Optional<String> enrolFromNurture(UUID sequenceId, UUID leadId) {
        return enrolFor(sequenceId, "lead", leadId, "nurture");
    }

    /**
     * Enrols a record for the workspace itself (nurture, the demo data), without a caller; the reason when it was
     * refused, nothing saved then.
     */
    @Transactional
    public Optional<String> enrolFor(UUID sequenceId, String recordType, UUID recordId, String source) {
        Optional<Sequence> sequence = sequences.find(sequenceId, false);
        if (sequence.isEmpty()) {
            return Optional.of("the sequence " + sequenceId + " is archived or gone");
        }
        Outcome outcome = enrolOne(sequence.get(), recordType, recordId, source, null);
        return outcome.refused() == null
                ? Optional.empty()
                : Optional.of(outcome.refused().reason());
    }

    /** What enrolling one record came to: the enrolment, or why not. */
    record Outcome(Enrolment enrolment, EnrolmentRefused refused) {}

    Outcome enrolOne(Sequence sequence, String recordType, UUID recordId, String source, UUID by) {
        Optional<Map<String, Object>> facts = store.recordFacts(recordType, recordId);
        if (facts.isEmpty()) {
            return refused(404, "not-found", "The " + recordType + " does not exist");
        }
        EnrolmentRefused refusal = reachable(sequence, recordType, facts.get());
        if (refusal != null) {
            return new Outcome(null, refusal);
        }
        UUID id = UUID.randomUUID();
        if (!store.insert(id, sequence, recordType, recordId, source, by)) {
            return store.activeIn(sequence.id(), recordType, recordId)
                    ? refused(409, "already-enrolled", "The " + recordType + " is in this sequence already")
                    : refused(
                            409,
                            "in-another-sequence",
                            "The " + recordType + " is in another active sequence of the same mailbox, and this one"
                                    + " does not allow that");
        }
        store.processStarted(id, runner.start(id, recordType, recordId));
        return new Outcome(store.find(id).orElseThrow(), null);
    }

    private static Outcome refused(int status, String type, String reason) {
        return new Outcome(null, new EnrolmentRefused(status, type, reason));
    }

    private EnrolmentRefused reachable(Sequence sequence, String recordType, Map<String, Object> facts) {
        String status = (String) facts.get("status");
        if ("contact".equals(recordType) && !"active".equals(status)) {
            return new EnrolmentRefused(422, "not-reachable", "The contact is " + status + ", not active");
        }
        if ("lead".equals(recordType) && "converted".equals(status)) {
            return new EnrolmentRefused(422, "not-reachable", "The lead is converted; enrol its contact instead");
        }
        String email = (String) facts.get("email");
        String phone = (String) facts.get("phone");
        for (Sequence.Step step : sequence.steps()) {
            switch (step.kind()) {
                case "email" -> {
                    if (email == null) {
                        return new EnrolmentRefused(
                                422, "no-email-address", "The " + recordType + " has no email address");
                    }
                    if (!Boolean.TRUE.equals(facts.get("email_opt_in"))) {
                        return new EnrolmentRefused(
                                422, "no-consent", "The contact has not consented to email (email opt-in is off)");
                    }
                    if (suppressions.isSuppressed(email)) {
                        return new EnrolmentRefused(
                                422, "suppressed", email + " is on the suppression list: no email goes to it");
                    }
                }
                case "sms", "whatsapp" -> {
                    if (phone == null) {
                        return new EnrolmentRefused(422, "no-phone", "The " + recordType + " has no phone number");
                    }
                    if (!Boolean.TRUE.equals(facts.get(step.kind() + "_opt_in"))) {
                        return new EnrolmentRefused(
                                422,
                                "no-consent",
                                "The contact has not consented to " + ("sms".equals(step.kind()) ? "SMS" : "WhatsApp"));
                    }
                    if (optOuts.optedOut(phone)) {
                        return new EnrolmentRefused(
                                422, "opted-out", phone + " texted STOP: no text message goes to it");
                    }
                }
                default -> {}
            }
        }
        return null;
    }

    @Transactional(readOnly = true)
    public Enrolment get(UUID sequenceId, UUID id) {
        return store.find(id)
                .filter(e -> e.sequenceId().equals(sequenceId))
                .orElseThrow(() -> Problem.notFound("Enrolment", id));
    }

    @Transactional(readOnly = true)
    public CursorPage<Enrolment> list(UUID sequenceId, String cursor, int limit) {
        sequences.find(sequenceId, false).orElseThrow(() -> Problem.notFound("Sequence", sequenceId));
        Instant afterAt = null;
        UUID afterId = null;
        if (cursor != null) {
            try {
                String[] key = CursorPage.decode(cursor).split("\\|");
                afterAt = Instant.parse(key[0]);
                afterId = UUID.fromString(key[1]);
            } catch (RuntimeException e) {
                throw Problem.invalid("cursor", "is not a cursor this list gave");
            }
        }
        CursorPage<Enrolment> page = CursorPage.of(
                store.page(sequenceId, afterAt, afterId, limit), limit, e -> e.enrolledAt() + "|" + e.id());
        return new CursorPage<>(titled(page.items()), page.nextCursor());
    }

    /** The page's enrolments with the names of their records, one query per record type. */
    private List<Enrolment> titled(List<Enrolment> page) {
        Caller caller = Caller.require();
        Map<String, Map<UUID, String>> byType = page.stream()
                .collect(Collectors.groupingBy(
                        Enrolment::recordType, Collectors.mapping(Enrolment::recordId, Collectors.toSet())))
                .entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> titles.of(caller, e.getKey(), e.getValue())));
        return page.stream()
                .map(e -> e.titled(byType.get(e.recordType()).get(e.recordId())))
                .toList();
    }

    /** Moves an active enrolment on to its next step now, as if its wait for an answer had run out. */
    @Transactional
    public boolean endWaitNow(UUID sequenceId, UUID id) {
        Enrolment enrolment = get(sequenceId, id);
        return "active".equals(enrolment.status())
                && enrolment.processInstanceId() != null
                && runner.endWaitNow(enrolment.processInstanceId());
    }

    /** Cancels an active enrolment by hand: its process ends, nothing more is sent. */
    @Transactional
    public Enrolment cancel(UUID sequenceId, UUID id) {
        Enrolment enrolment = get(sequenceId, id);
        if (!store.end(id, "stopped", "cancelled")) {
            throw Problem.conflict("The enrolment has ended already (" + enrolment.status() + ")");
        }
        if (enrolment.processInstanceId() != null) {
            runner.cancel(enrolment.processInstanceId(), "Enrolment cancelled");
        }
        return get(sequenceId, id);
    }

    /**
     * Keeps an answer that stops the enrolment, before its process is told: a process that is not waiting for the
     * answer at that moment finds it when it next looks (before a send, and before it waits again).
     */
    @Transactional
    public void noteAnswer(UUID enrolmentId, String reason) {
        store.noteAnswer(enrolmentId, reason);
    }

    /** The record's active enrolments whose sequence stops on {@code reason}: where the process is told to stop. */
    @Transactional(readOnly = true)
    public List<UUID> stoppingOn(String recordType, UUID recordId, String reason) {
        return store.activeOf(recordType, recordId).stream()
                .filter(e -> sequences
                        .findEvenArchived(e.sequenceId())
                        .map(s -> s.stopRules().stopsOn(reason))
                        .orElse(true))
                .map(Enrolment::id)
                .toList();
    }
}
