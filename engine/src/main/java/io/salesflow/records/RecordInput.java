package io.salesflow.records;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.platform.problem.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads record fields from a JSON body with merge-patch meaning (present: set, null: clear, absent: keep) and
 * turns every rule into a 400 naming the field. Record types use it for their own fields and hand the shared
 * ones ({@code ownerId}, {@code teamId}, {@code tags}, and {@code customFields} of a {@link CustomizableRecord})
 * to {@link #common}.
 */
public final class RecordInput {

    /** Company size bands, shared by accounts and leads, smallest first. */
    public static final List<String> COMPANY_SIZE_BANDS =
            List.of("1-10", "11-50", "51-200", "201-500", "501-1000", "1001-5000", "5001+");

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern EMAIL = Pattern.compile(
            "^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$");

    private RecordInput() {}

    /** An ISO 3166-1 alpha-2 country code, upper-case. */
    public static String country(String field, JsonNode v) {
        String s = text(field, v, 2);
        if (s != null && !ISO_COUNTRIES.contains(s)) {
            throw Problem.invalid(field, "must be an ISO 3166-1 alpha-2 code such as DE or US");
        }
        return s;
    }

    /** An email address, lower-case. */
    public static String email(String field, JsonNode v) {
        String s = text(field, v, 254);
        if (s == null) {
            return null;
        }
        String email = s.toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches()) {
            throw Problem.invalid(field, "is not a valid email address");
        }
        return email;
    }

    /** An http(s) web address; a bare host gets https. */
    public static String website(String field, JsonNode v) {
        String s = text(field, v, 500);
        if (s == null) {
            return null;
        }
        try {
            URI uri = new URI(s.contains("://") ? s : "https://" + s);
            if (!Set.of("http", "https").contains(uri.getScheme()) || uri.getHost() == null) {
                throw Problem.invalid(field, "must be an http(s) address");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw Problem.invalid(field, "is not a valid web address");
        }
    }

    /**
     * The owner and team a body asks for, checked against the directory and the caller's reach on save; and the
     * custom field values it sends, checked against the workspace's definitions then.
     */
    public static final class Assignment {
        private boolean ownerGiven;
        private UUID ownerId;
        private boolean teamGiven;
        private UUID teamId;
        private JsonNode customFields;

        public boolean ownerGiven() {
            return ownerGiven;
        }

        public UUID ownerId() {
            return ownerId;
        }

        public boolean teamGiven() {
            return teamGiven;
        }

        public UUID teamId() {
            return teamId;
        }

        /** The body's {@code customFields}, or null when it sent none. */
        public JsonNode customFields() {
            return customFields;
        }
    }

    /**
     * Applies {@code ownerId}, {@code teamId} or {@code tags}, or keeps {@code customFields} for
     * {@link RecordLifecycle#assign}; false when the field is not one of them (or the record has no custom fields).
     */
    public static boolean common(String field, JsonNode value, CrmRecord record, Assignment assignment) {
        switch (field) {
            case "ownerId" -> {
                assignment.ownerGiven = true;
                assignment.ownerId = uuid(field, value);
                if (assignment.ownerId == null) {
                    throw Problem.invalid(field, "a record always has an owner");
                }
            }
            case "teamId" -> {
                assignment.teamGiven = true;
                assignment.teamId = uuid(field, value);
            }
            case "tags" -> record.setTags(tags(field, value));
            case "customFields" -> {
                if (!(record instanceof CustomizableRecord)) {
                    return false;
                }
                assignment.customFields = value;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    public static Problem unknown(String field) {
        return Problem.invalid(field, "is not a known field");
    }

    public static String text(String field, JsonNode v, int max) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw Problem.invalid(field, "must be text");
        }
        String s = v.asText().trim();
        if (s.length() > max) {
            throw Problem.invalid(field, "must have at most " + max + " characters");
        }
        return s.isEmpty() ? null : s;
    }

    /** An IANA time zone name such as {@code America/New_York}; null clears it. */
    public static String timeZone(String field, JsonNode v) {
        String s = text(field, v, 64);
        if (s != null && !java.time.ZoneId.getAvailableZoneIds().contains(s)) {
            throw Problem.invalid(field, "is not a known time zone: give an IANA name such as America/New_York");
        }
        return s;
    }

    public static String requiredText(String field, JsonNode v, int max) {
        String s = text(field, v, max);
        if (s == null) {
            throw Problem.invalid(field, "must not be blank");
        }
        return s;
    }

    public static String oneOf(String field, JsonNode v, Collection<String> allowed) {
        String s = text(field, v, 100);
        if (s != null && !allowed.contains(s)) {
            throw Problem.invalid(
                    field, "must be one of " + allowed.stream().sorted().toList());
        }
        return s;
    }

    public static UUID uuid(String field, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return UUID.fromString(v.asText());
        } catch (IllegalArgumentException e) {
            throw Problem.invalid(field, "is not an id");
        }
    }

    public static List<String> tags(String field, JsonNode v) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw Problem.invalid(field, "must be a list of tags");
        }
        if (v.size() > 50) {
            throw Problem.invalid(field, "must have at most 50 tags");
        }
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            tags.add(requiredText(field + "[" + i + "]", v.get(i), 50));
        }
        return tags;
    }
}
