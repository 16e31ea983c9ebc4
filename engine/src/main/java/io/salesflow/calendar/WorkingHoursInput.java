package io.salesflow.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.platform.problem.Problem;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads working hours, {@code {"monday": [{"start": "09:00", "end": "17:00"}], …}}: a day left out has none. Every
 * refusal names its field ({@code workingHours.monday[1].end}).
 */
final class WorkingHoursInput {

    static final int MAX_INTERVALS_PER_DAY = 24;

    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final String TIME_MESSAGE = "must be a time of day as HH:mm, such as 09:00";

    private WorkingHoursInput() {}

    static WeeklyHours read(String field, JsonNode v) {
        if (v == null || !v.isObject()) {
            throw Problem.invalid(field, "must be an object of weekdays (monday … sunday), each a list of intervals");
        }
        Map<DayOfWeek, List<WorkingInterval>> days = new EnumMap<>(DayOfWeek.class);
        Iterator<Map.Entry<String, JsonNode>> entries = v.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> e = entries.next();
            String path = field + "." + e.getKey();
            DayOfWeek day = day(path, e.getKey());
            days.put(day, day(path, e.getValue()));
        }
        if (days.values().stream().allMatch(List::isEmpty)) {
            throw Problem.invalid(field, "has no working time: give at least one day an interval");
        }
        return new WeeklyHours(days);
    }

    private static DayOfWeek day(String path, String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (CalendarViews.dayName(day).equals(name)) {
                return day;
            }
        }
        throw Problem.invalid(path, "is not a day of the week: monday, tuesday, … sunday");
    }

    private static List<WorkingInterval> day(String path, JsonNode v) {
        if (v == null || !v.isArray()) {
            throw Problem.invalid(
                    path, "must be a list of intervals such as {\"start\": \"09:00\", \"end\": \"17:00\"}");
        }
        if (v.size() > MAX_INTERVALS_PER_DAY) {
            throw Problem.invalid(path, "has more than " + MAX_INTERVALS_PER_DAY + " intervals");
        }
        List<Indexed> intervals = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            intervals.add(new Indexed(i, interval(path + "[" + i + "]", v.get(i))));
        }
        intervals.sort(Comparator.comparing(x -> x.interval.start()));
        for (int i = 1; i < intervals.size(); i++) {
            Indexed earlier = intervals.get(i - 1);
            Indexed later = intervals.get(i);
            if (later.interval.overlaps(earlier.interval)) {
                Indexed reported = earlier.index > later.index ? earlier : later;
                Indexed other = reported == earlier ? later : earlier;
                throw Problem.invalid(
                        path + "[" + reported.index + "]",
                        "overlaps " + other.interval + " (" + path + "[" + other.index + "])");
            }
        }
        return intervals.stream().map(Indexed::interval).toList();
    }

    private static WorkingInterval interval(String path, JsonNode v) {
        if (v == null || !v.isObject()) {
            throw Problem.invalid(
                    path, "must be an object with start and end, such as {\"start\": \"09:00\", \"end\": \"17:00\"}");
        }
        Iterator<String> names = v.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("start") && !name.equals("end")) {
                throw Problem.invalid(path + "." + name, "is not a known field");
            }
        }
        LocalTime start = time(path + ".start", v.get("start"), false);
        LocalTime end = time(path + ".end", v.get("end"), true);
        if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
            throw Problem.invalid(
                    path + ".end", "must be after the start " + v.get("start").asText());
        }
        return new WorkingInterval(start, end);
    }

    private static LocalTime time(String path, JsonNode v, boolean end) {
        if (v == null || v.isNull()) {
            throw Problem.invalid(path, "is required");
        }
        String s = v.isTextual() ? v.asText() : "";
        if (end && s.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        if (!TIME.matcher(s).matches() || (end && s.equals("00:00"))) {
            throw Problem.invalid(path, end ? TIME_MESSAGE + " (24:00 for the end of the day)" : TIME_MESSAGE);
        }
        return LocalTime.parse(s);
    }

    private record Indexed(int index, WorkingInterval interval) {}
}
