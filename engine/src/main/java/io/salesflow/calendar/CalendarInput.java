package io.salesflow.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.platform.input.TimeRange;
import io.salesflow.platform.problem.Problem;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads calendar bodies. A body replaces the calendar: a field left out takes its default (the workspace's: UTC,
 * Monday to Friday 09:00–17:00, no holidays; a user's: the workspace's). Every refusal names its field.
 */
final class CalendarInput {

    /** Unique dates already keep a year to at most 366; this keeps a calendar (and its cache) small. */
    static final int MAX_HOLIDAYS = 1000;

    static final int MAX_NAME = 100;

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private CalendarInput() {}

    static StoredCalendar tenant(ObjectNode body) {
        StoredCalendar d = StoredCalendar.DEFAULT;
        ZoneId zone = d.zone();
        WeeklyHours hours = d.hours();
        List<CalendarViews.Holiday> holidays = d.holidays();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = e.getKey();
            switch (field) {
                case "timeZone" -> zone = zone(field, e.getValue());
                case "workingHours" -> hours = WorkingHoursInput.read(field, e.getValue());
                case "holidays" -> holidays = holidays(field, e.getValue());
                case "version" -> {
                    // Read back as sent; the If-Match header is what guards a concurrent change.
                }
                default -> throw unknown(field);
            }
        }
        return new StoredCalendar(zone, hours, holidays, 0);
    }

    static StoredOverride user(UUID userId, ObjectNode body) {
        ZoneId zone = null;
        WeeklyHours hours = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = e.getKey();
            JsonNode v = e.getValue();
            boolean given = v != null && !v.isNull();
            switch (field) {
                case "timeZone" -> zone = given ? zone(field, v) : null;
                case "workingHours" -> hours = given ? WorkingHoursInput.read(field, v) : null;
                case "holidays" ->
                    throw Problem.invalid(field, "are the workspace's: change them with PUT /api/v1/business-calendar");
                case "userId" -> {
                    if (!v.isTextual() || !v.asText().equals(userId.toString())) {
                        throw Problem.invalid(field, "must be the user of the path, " + userId);
                    }
                }
                case "version", "effective" -> {
                    // Read back as sent: the version is guarded by If-Match, the effective calendar follows.
                }
                default -> throw unknown(field);
            }
        }
        return new StoredOverride(zone, hours, 0);
    }

    private static ZoneId zone(String field, JsonNode v) {
        if (v == null || !v.isTextual() || !ZoneId.getAvailableZoneIds().contains(v.asText())) {
            throw Problem.invalid(field, "is not a known time zone: give an IANA name such as Europe/Berlin or UTC");
        }
        return ZoneId.of(v.asText());
    }

    private static List<CalendarViews.Holiday> holidays(String field, JsonNode v) {
        if (v == null || !v.isArray()) {
            throw Problem.invalid(field, "must be a list of {\"date\": \"2026-12-25\", \"name\": \"Christmas Day\"}");
        }
        if (v.size() > MAX_HOLIDAYS) {
            throw Problem.invalid(field, "has more than " + MAX_HOLIDAYS + " days; keep those of the next few years");
        }
        List<CalendarViews.Holiday> holidays = new ArrayList<>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        for (int i = 0; i < v.size(); i++) {
            String path = field + "[" + i + "]";
            CalendarViews.Holiday holiday = holiday(path, v.get(i));
            Integer first = seen.putIfAbsent(holiday.date(), i);
            if (first != null) {
                throw Problem.invalid(path + ".date", "is already a holiday (" + field + "[" + first + "])");
            }
            holidays.add(holiday);
        }
        holidays.sort(java.util.Comparator.comparing(CalendarViews.Holiday::date));
        return List.copyOf(holidays);
    }

    private static CalendarViews.Holiday holiday(String path, JsonNode v) {
        if (v == null || !v.isObject()) {
            throw Problem.invalid(path, "must be an object with date and name");
        }
        for (Iterator<String> names = v.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("date") && !name.equals("name")) {
                throw unknown(path + "." + name);
            }
        }
        return new CalendarViews.Holiday(date(path + ".date", v.get("date")), name(path + ".name", v.get("name")));
    }

    private static LocalDate date(String path, JsonNode v) {
        if (v == null || v.isNull()) {
            throw Problem.invalid(path, "is required");
        }
        try {
            return TimeRange.check(path, LocalDate.parse(v.isTextual() ? v.asText() : "", DATE));
        } catch (DateTimeParseException e) {
            throw Problem.invalid(path, "must be a date as YYYY-MM-DD, such as 2026-12-25");
        }
    }

    private static String name(String path, JsonNode v) {
        String name = v != null && v.isTextual() ? v.asText().strip() : "";
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw Problem.invalid(path, "must be text of 1 to " + MAX_NAME + " characters");
        }
        return name;
    }

    private static Problem unknown(String field) {
        return Problem.invalid(field, "is not a known field");
    }
}
