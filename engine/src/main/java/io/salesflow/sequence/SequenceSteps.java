package io.salesflow.sequence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.calendar.BusinessCalendar;
import io.salesflow.calendar.BusinessCalendars;
import io.salesflow.calendar.BusinessDuration;
import io.salesflow.email.Emails;
import io.salesflow.textmessage.TextMessage;
import io.salesflow.textmessage.TextMessages;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the follow-up-sequence process does at each step, for one enrolment: plan the step (its kind, the variant
 * this enrolment gets, when the working hours of the sender and the recipient allow a send), send it, and end the enrolment. Runs in the
 * engine's transaction, for the process's tenant.
 */
@Service
public class SequenceSteps {

    private final SequenceStore sequences;
    private final EnrolmentStore enrolments;
    private final Emails emails;
    private final TextMessages texts;
    private final BusinessCalendars calendars;
    private final ObjectMapper json;
    private final Clock clock;

    SequenceSteps(
            SequenceStore sequences,
            EnrolmentStore enrolments,
            Emails emails,
            TextMessages texts,
            BusinessCalendars calendars,
            ObjectMapper json,
            Clock clock) {
        this.sequences = sequences;
        this.enrolments = enrolments;
        this.emails = emails;
        this.texts = texts;
        this.calendars = calendars;
        this.json = json;
        this.clock = clock;
    }

    /**
     * An enrolment as its process starts: how many steps, who gets the tasks (the record's owner, else the
     * sequence's sender), and the sequence's name for task titles.
     */
    public record Run(String sequenceName, int stepCount, UUID ownerId, boolean active) {}

    @Transactional
    public Run load(UUID enrolmentId) {
        Enrolment enrolment = enrolment(enrolmentId);
        Sequence sequence = sequence(enrolment);
        Object owner = enrolments
                .recordFacts(enrolment.recordType(), enrolment.recordId())
                .map(f -> f.get("owner_id"))
                .orElse(null);
        return new Run(
                sequence.name(),
                sequence.steps().size(),
                owner == null ? sequence.senderId() : (UUID) owner,
                "active".equals(enrolment.status()));
    }

    /**
     * One step as planned: its kind, the variant this enrolment gets (A for steps without variants), the task name,
     * and when the send may go out: now when it is working time for the sender and for the recipient (in their time
     * zone, when they have one), else the next instant it is for both ({@link SendWindow}).
     */
    public record Plan(String kind, String variant, String taskName, Instant sendAt, boolean deferred) {}

    @Transactional
    public Plan plan(UUID enrolmentId, int position) {
        Enrolment enrolment = enrolment(enrolmentId);
        Sequence sequence = sequence(enrolment);
        Sequence.Step step = step(sequence, position);
        enrolments.step(enrolmentId, position);
        String variant =
                step.variants().isEmpty() ? "A" : choose(enrolmentId, step).label();
        Instant now = clock.instant();
        Instant sendAt = now;
        if (step.sends()) {
            sendAt = SendWindow.next(senderCalendar(sequence), recipientCalendar(enrolment), now);
            enrolments.sendAt(enrolmentId, sendAt);
        }
        return new Plan(step.kind(), variant, step.taskName(), sendAt, sendAt.isAfter(now));
    }

    /**
     * Sends the step's variant to the record and keeps a send row for the figures; the send's status ({@code queued},
     * or why nothing went: {@code suppressed}, {@code no-address}, {@code opted-out}).
     */
    @Transactional
    public String send(UUID enrolmentId, int position, String variantLabel) {
        if (answer(enrolmentId).isPresent()) {
            // Answered while the send waited for working hours: the sequence stops rather than writing again.
            return ANSWERED;
        }
        Enrolment enrolment = enrolment(enrolmentId);
        Sequence.Step step = step(sequence(enrolment), position);
        Sequence.Variant variant = step.variants().stream()
                .filter(v -> v.label().equals(variantLabel))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Step " + position + " of sequence "
                        + enrolment.sequenceId() + " has no variant " + variantLabel));
        String status;
        UUID emailId = null;
        UUID textId = null;
        if ("email".equals(step.kind())) {
            Emails.ProcessSend sent = emails.sendForProcess(
                    enrolment.recordType(), enrolment.recordId(), variant.emailTemplateId(), Map.of());
            status = sent.status();
            emailId = sent.emailId();
        } else {
            ObjectNode content = json.createObjectNode();
            if ("sms".equals(step.kind())) {
                content.put("body", variant.smsBody());
            } else {
                content.put("contentSid", variant.whatsappContentSid());
            }
            Optional<TextMessage> sent =
                    texts.sendForProcess(enrolment.recordType(), enrolment.recordId(), step.kind(), content);
            status = sent.isPresent() ? "queued" : "opted-out";
            textId = sent.map(TextMessage::id).orElse(null);
        }
        enrolments.insertSend(enrolment, position, variantLabel, step.kind(), status, emailId, textId);
        return status;
    }

    /** What a send step answers when the record answered before it went out: nothing was sent. */
    public static final String ANSWERED = "answered";

    /** The answer that stops the enrolment, if one came while its process was not waiting for it. */
    @Transactional(readOnly = true)
    public Optional<String> answer(UUID enrolmentId) {
        return enrolments.answer(enrolmentId);
    }

    /** When the wait after the step is over: its business time from now on the sender's calendar. */
    @Transactional(readOnly = true)
    public Instant waitUntil(UUID enrolmentId, int position) {
        Enrolment enrolment = enrolment(enrolmentId);
        Sequence sequence = sequence(enrolment);
        return senderCalendar(sequence)
                .plus(
                        clock.instant(),
                        BusinessDuration.parse(step(sequence, position).waitFor()));
    }

    /**
     * Ends the enrolment because of an answer; a bounce or unsubscribe also shows on a contact's status. False when
     * it had ended already.
     */
    @Transactional
    public boolean stop(UUID enrolmentId, String reason) {
        Enrolment enrolment = enrolment(enrolmentId);
        if (!enrolments.end(enrolmentId, "stopped", reason)) {
            return false;
        }
        switch (reason) {
            case Enrolments.REPLIED -> enrolments.markLastSend(enrolmentId, "replied_at");
            case Enrolments.BOUNCED -> {
                enrolments.markLastSend(enrolmentId, "bounced_at");
                if ("contact".equals(enrolment.recordType())) {
                    enrolments.contactStatus(enrolment.recordId(), "bounced");
                }
            }
            case Enrolments.UNSUBSCRIBED -> {
                enrolments.markLastSend(enrolmentId, "unsubscribed_at");
                if ("contact".equals(enrolment.recordType())) {
                    enrolments.contactStatus(enrolment.recordId(), "unsubscribed");
                }
            }
            default -> {}
        }
        return true;
    }

    /** The last step's wait is over with no answer: the enrolment completed. */
    @Transactional
    public void complete(UUID enrolmentId) {
        enrolments.end(enrolmentId, "completed", null);
    }

    /** Weighted and deterministic: the same enrolment always gets the same variant of a step. */
    static Sequence.Variant choose(UUID enrolmentId, Sequence.Step step) {
        int total = step.variants().stream().mapToInt(Sequence.Variant::weight).sum();
        long pick = Math.floorMod(hash(enrolmentId + ":" + step.position()), (long) total);
        for (Sequence.Variant variant : step.variants()) {
            pick -= variant.weight();
            if (pick < 0) {
                return variant;
            }
        }
        return step.variants().get(step.variants().size() - 1);
    }

    private static long hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The recipient's working hours in their own time zone; null when the lead or contact has none. */
    private BusinessCalendar recipientCalendar(Enrolment enrolment) {
        return enrolments
                .recordFacts(enrolment.recordType(), enrolment.recordId())
                .map(f -> (String) f.get("time_zone"))
                .filter(zone -> ZoneId.getAvailableZoneIds().contains(zone))
                .map(zone -> SendWindow.recipient(calendars.ofTenant(), ZoneId.of(zone)))
                .orElse(null);
    }

    private BusinessCalendar senderCalendar(Sequence sequence) {
        return calendars.ofUser(sequence.senderId());
    }

    private Enrolment enrolment(UUID id) {
        return enrolments.find(id).orElseThrow(() -> new IllegalStateException("No enrolment " + id));
    }

    private Sequence sequence(Enrolment enrolment) {
        return sequences
                .findEvenArchived(enrolment.sequenceId())
                .orElseThrow(() -> new IllegalStateException("No sequence for enrolment " + enrolment.id()));
    }

    private static Sequence.Step step(Sequence sequence, int position) {
        Sequence.Step step = sequence.step(position);
        if (step == null) {
            throw new IllegalStateException("Sequence " + sequence.id() + " has no step " + position);
        }
        return step;
    }
}
