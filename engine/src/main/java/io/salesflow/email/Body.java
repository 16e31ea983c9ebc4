package io.salesflow.email;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.problem.Problem.FieldError;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads a JSON body field by field, collecting every field's error so one 400 names them all: unknown fields, wrong
 * types, lengths, ranges, email addresses and host names.
 */
final class Body {

    private static final Pattern HOST = Pattern.compile(
            "^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$");
    private static final Pattern LOCAL_PART = Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$");

    private final ObjectNode body;
    private final List<FieldError> errors = new ArrayList<>();

    Body(JsonNode body, Set<String> fields) {
        if (body == null || !body.isObject()) {
            throw Problem.invalid("body", "must be a JSON object");
        }
        this.body = (ObjectNode) body;
        body.fieldNames().forEachRemaining(f -> {
            if (!fields.contains(f)) {
                errors.add(new FieldError(f, "is not a field of this request"));
            }
        });
    }

    boolean has(String field) {
        return body.has(field);
    }

    boolean isNull(String field) {
        return body.has(field) && body.get(field).isNull();
    }

    void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    String text(String field, boolean required, int max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            error(field, "must be text");
            return null;
        }
        String text = v.asText().strip();
        if (text.isEmpty()) {
            if (required) {
                error(field, "must not be blank");
            }
            return null;
        }
        if (text.length() > max) {
            error(field, "must be at most " + max + " characters");
            return null;
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            error(field, "must not contain control characters");
            return null;
        }
        return text;
    }

    /** A one-line text: no line breaks (they would inject mail headers). */
    String line(String field, boolean required, int max) {
        String text = text(field, required, max);
        if (text != null && (text.contains("\n") || text.contains("\r"))) {
            error(field, "must be one line");
            return null;
        }
        return text;
    }

    Integer integer(String field, boolean required, int min, int max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            error(field, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return v.asInt();
    }

    String choice(String field, boolean required, List<String> values) {
        String text = line(field, required, 40);
        if (text != null && !values.contains(text)) {
            error(field, "must be one of " + String.join(", ", values));
            return null;
        }
        return text;
    }

    UUID uuid(String field, boolean required) {
        String text = line(field, required, 36);
        if (text == null) {
            return null;
        }
        try {
            UUID id = UUID.fromString(text);
            if (id.toString().equals(text.toLowerCase(Locale.ROOT))) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        error(field, "must be a UUID");
        return null;
    }

    String address(String field, boolean required) {
        String text = line(field, required, 254);
        if (text == null) {
            return null;
        }
        String address = Body.address(text);
        if (address == null) {
            error(field, "must be an email address such as ada@example.com");
        }
        return address;
    }

    List<String> addresses(String field, int max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray() || v.size() > max) {
            error(field, "must be a list of at most " + max + " email addresses");
            return List.of();
        }
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String address = item.isTextual() ? Body.address(item.asText().strip()) : null;
            if (address == null) {
                error(field + "[" + i + "]", "must be an email address such as ada@example.com");
            } else if (!addresses.contains(address)) {
                addresses.add(address);
            }
        }
        return addresses;
    }

    String host(String field, boolean required) {
        String text = line(field, required, 253);
        if (text != null && !HOST.matcher(text).matches()) {
            error(field, "must be a host name such as smtp.example.com");
            return null;
        }
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    Map<String, String> stringMap(String field, int maxEntries, int maxLength) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return Map.of();
        }
        if (!v.isObject() || v.size() > maxEntries) {
            error(field, "must be an object of at most " + maxEntries + " text values");
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        v.fields().forEachRemaining(e -> {
            if (!e.getKey().matches("^[A-Za-z][A-Za-z0-9_]{0,63}$")) {
                error(field + "." + e.getKey(), "must be named with letters, digits and _");
            } else if (!e.getValue().isTextual() || e.getValue().asText().length() > maxLength) {
                error(field + "." + e.getKey(), "must be text of at most " + maxLength + " characters");
            } else {
                values.put(e.getKey(), e.getValue().asText());
            }
        });
        return values;
    }

    /** Throws the 400 naming every field in error, if any. */
    void check() {
        if (!errors.isEmpty()) {
            throw new Problem(
                    400,
                    "validation",
                    "Invalid request",
                    errors.get(0).field() + ": " + errors.get(0).message(),
                    errors);
        }
    }

    /** A plain address ({@code local@domain}, no display name), lower-cased; null when it is none. */
    static String address(String text) {
        if (text == null || text.length() > 254) {
            return null;
        }
        int at = text.lastIndexOf('@');
        if (at < 1 || at == text.length() - 1) {
            return null;
        }
        String domain = text.substring(at + 1);
        if (!LOCAL_PART.matcher(text.substring(0, at)).matches()
                || !HOST.matcher(domain).matches()
                || !domain.contains(".")) {
            return null;
        }
        try {
            InternetAddress parsed = new InternetAddress(text, true);
            parsed.validate();
            return parsed.getAddress().toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            return null;
        }
    }
}
