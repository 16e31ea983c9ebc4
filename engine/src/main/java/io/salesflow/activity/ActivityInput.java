package io.salesflow.activity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.platform.input.TimeRange;
import io.salesflow.platform.problem.Problem;
import io.salesflow.records.RecordInput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a JSON body to an activity field by field (merge-patch meaning, see {@link RecordInput}); the status
 * and links it asks for come back for the service to check.
 */
final class ActivityInput {

    static final Set<String> TYPES = Set.of("call", "email", "meeting", "task", "note", "deadline");
    static final Set<String> PRIORITIES = Set.of("low", "normal", "high", "urgent");
    private static final int MAX_MINUTES = 525_600;

    /** What the body asks for beyond plain fields. */
    record Request(ActivityStatus status, boolean durationSent, Map<Link, UUID> links) {}

    private ActivityInput() {}

    static Request apply(ObjectNode body, Activity activity, RecordInput.Assignment assignment, boolean creating) {
        if (creating && !body.hasNonNull("type")) {
            throw Problem.invalid(
                    "type", "is required: one of " + TYPES.stream().sorted().toList());
        }
        if (creating && !body.hasNonNull("subject")) {
            throw Problem.invalid("subject", "is required");
        }
        ActivityStatus status = null;
        Map<Link, UUID> links = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String field = e.getKey();
            JsonNode v = e.getValue();
            if (RecordInput.common(field, v, activity, assignment)) {
                continue;
            }
            if (ActivityRecord.ACTIVITY.setBySalesflow().contains(field)) {
                throw Problem.invalid(field, "is set by Salesflow, not by a change");
            }
            Optional<Link> link = Link.byField(field);
            if (link.isPresent()) {
                links.put(link.get(), RecordInput.uuid(field, v));
                continue;
            }
            switch (field) {
                case "type" -> activity.setType(required(field, RecordInput.oneOf(field, v, TYPES)));
                case "subject" -> activity.setSubject(RecordInput.requiredText(field, v, 200));
                case "description" -> activity.setDescription(RecordInput.text(field, v, 20_000));
                case "dueAt" -> activity.setDueAt(instant(field, v));
                case "startAt" -> activity.setStartAt(instant(field, v));
                case "endAt" -> activity.setEndAt(instant(field, v));
                case "durationMinutes" -> activity.setDurationMinutes(minutes(field, v));
                case "outcome" -> activity.setOutcome(RecordInput.text(field, v, 2_000));
                case "priority" -> {
                    String priority = RecordInput.oneOf(field, v, PRIORITIES);
                    activity.setPriority(priority == null ? "normal" : priority);
                }
                case "status" -> status = status(field, v);
                default -> throw RecordInput.unknown(field);
            }
        }
        return new Request(status, body.has("durationMinutes"), links);
    }

    /** An ISO-8601 date-time with offset, or a plain date (its start, UTC); kept to the database's microseconds. */
    static Instant instant(String field, JsonNode v) {
        String s = RecordInput.text(field, v, 40);
        if (s == null) {
            return null;
        }
        try {
            Instant instant = s.length() == 10
                    ? LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse(s).toInstant();
            return TimeRange.check(field, instant.truncatedTo(ChronoUnit.MICROS));
        } catch (DateTimeParseException e) {
            throw Problem.invalid(field, "must be a date-time like 2026-05-04T09:30:00Z or a date like 2026-05-04");
        }
    }

    private static Integer minutes(String field, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0 || v.intValue() > MAX_MINUTES) {
            throw Problem.invalid(field, "must be a whole number of minutes from 0 to " + MAX_MINUTES);
        }
        return v.intValue();
    }

    private static ActivityStatus status(String field, JsonNode v) {
        String code = required(field, RecordInput.text(field, v, 20));
        return ActivityStatus.of(code)
                .orElseThrow(() -> Problem.invalid(field, "must be one of pending, completed, cancelled"));
    }

    private static String required(String field, String value) {
        if (value == null) {
            throw Problem.invalid(field, "must not be blank");
        }
        return value;
    }
}
