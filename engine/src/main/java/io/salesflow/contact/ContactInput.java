package io.salesflow.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.platform.problem.Problem;
import io.salesflow.records.RecordInput;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Applies a JSON body to a contact field by field (merge-patch meaning, see {@link RecordInput}); every rule
 * names its field and unknown fields are refused. Phone numbers wait for the service, which knows the region
 * national numbers belong to.
 */
final class ContactInput {

    static final List<String> STATUSES = List.of("active", "inactive", "bounced", "unsubscribed");
    static final List<String> SOURCES = List.of(
            "web_form",
            "import",
            "api",
            "referral",
            "event",
            "inbound_email",
            "outbound",
            "partner",
            "social",
            "other");
    static final Set<String> NETWORKS = Set.of("linkedin", "x", "facebook", "instagram", "github", "website");
    private static final int MAX_ADDRESSES = 20;
    private static final Pattern EMAIL =
            Pattern.compile("^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59})$");

    /** What the service checks itself: the account asked for and the region of national phone numbers. */
    record Links(boolean accountGiven, UUID accountId, String phoneRegion) {}

    private ContactInput() {}

    static Links apply(ObjectNode body, Contact contact, RecordInput.Assignment assignment) {
        boolean accountGiven = false;
        UUID accountId = null;
        String phoneRegion = null;
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String field = e.getKey();
            JsonNode v = e.getValue();
            if (RecordInput.common(field, v, contact, assignment)) {
                continue;
            }
            switch (field) {
                case "firstName" -> contact.setFirstName(text(field, v));
                case "lastName" -> contact.setLastName(text(field, v));
                case "title" -> contact.setTitle(text(field, v));
                case "accountId" -> {
                    accountGiven = true;
                    accountId = RecordInput.uuid(field, v);
                }
                case "accountRole" -> contact.setAccountRole(oneOf(field, v));
                case "status" -> contact.setStatus(required(field, oneOf(field, v)));
                case "source" -> contact.setSource(oneOf(field, v));
                case "social" -> contact.setSocial(social(field, v));
                case "emailOptIn" -> contact.setEmailOptIn(flag(field, v));
                case "smsOptIn" -> contact.setSmsOptIn(flag(field, v));
                case "whatsappOptIn" -> contact.setWhatsappOptIn(flag(field, v));
                case "preferredLanguage" -> contact.setPreferredLanguage(language(field, v));
                case "timeZone" -> contact.setTimeZone(RecordInput.timeZone(field, v));
                case "phoneRegion" -> phoneRegion = PhoneNumbers.region(field, v);
                case "email", "emails", "phone", "phones" -> {
                    // applied below, in an order that does not depend on the body's
                }
                default -> throw RecordInput.unknown(field);
            }
        }
        contact.setEmails(emails(body, contact.emails()));
        if (!contact.hasName()) {
            String field = body.has("lastName") && !body.has("firstName") ? "lastName" : "firstName";
            throw Problem.invalid(field, "a contact needs a first or a last name");
        }
        return new Links(accountGiven, accountId, phoneRegion);
    }

    /** A list of addresses of one kind, each read by {@code item}; errors name the entry, e.g. {@code emails[2]}. */
    static List<String> list(String field, JsonNode v, BiFunction<String, JsonNode, String> item) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw Problem.invalid(field, "must be a list");
        }
        if (v.size() > MAX_ADDRESSES) {
            throw Problem.invalid(field, "must have at most " + MAX_ADDRESSES + " entries");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            String name = field + "[" + i + "]";
            values.add(required(name, item.apply(name, v.get(i))));
        }
        return values;
    }

    /** {@code emails} replaces the list, then {@code email} picks (and if need be adds) the primary. */
    private static ContactPoints emails(ObjectNode body, ContactPoints current) {
        ContactPoints points = current;
        if (body.has("emails")) {
            points = points.replaceAll(list("emails", body.get("emails"), ContactInput::email));
        }
        if (body.has("email")) {
            points = points.withPrimary(email("email", body.get("email")));
        }
        return points;
    }

    private static String email(String field, JsonNode v) {
        String s = RecordInput.text(field, v, 254);
        if (s == null) {
            return null;
        }
        String email = s.toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches() || email.indexOf('@') > 64) {
            throw Problem.invalid(field, "is not an email address like name@example.com");
        }
        return email;
    }

    private static Map<String, String> social(String field, JsonNode v) {
        if (v == null || v.isNull()) {
            return Map.of();
        }
        if (!v.isObject()) {
            throw Problem.invalid(field, "must be an object of network to handle or address");
        }
        Map<String, String> social = new TreeMap<>();
        v.fields().forEachRemaining(e -> {
            String name = field + "." + e.getKey();
            // X was Twitter: both names are accepted, one is kept.
            String network = e.getKey().equals("twitter") ? "x" : e.getKey();
            if (!NETWORKS.contains(network)) {
                throw Problem.invalid(
                        name,
                        "is not a known network; known: "
                                + NETWORKS.stream().sorted().toList());
            }
            if (social.put(network, RecordInput.requiredText(name, e.getValue(), 300)) != null) {
                throw Problem.invalid(name, "twitter and x are the same network; give one");
            }
        });
        return social;
    }

    private static boolean flag(String field, JsonNode v) {
        if (v == null || !v.isBoolean()) {
            throw Problem.invalid(field, "must be true or false");
        }
        return v.booleanValue();
    }

    /** A well-formed BCP 47 tag such as {@code en} or {@code de-CH}, kept in its canonical case. */
    private static String language(String field, JsonNode v) {
        String s = RecordInput.text(field, v, 35);
        if (s == null) {
            return null;
        }
        Locale locale = Locale.forLanguageTag(s);
        String tag = locale.toLanguageTag();
        if (locale.getLanguage().isEmpty() || !tag.equalsIgnoreCase(s)) {
            throw Problem.invalid(field, "is not a language tag like en or de-CH");
        }
        return tag;
    }

    private static String text(String field, JsonNode v) {
        return RecordInput.text(field, v, ContactRecord.CONTACT.maxLength(field));
    }

    private static String oneOf(String field, JsonNode v) {
        return RecordInput.oneOf(field, v, ContactRecord.CONTACT.values(field));
    }

    private static String required(String field, String value) {
        if (value == null) {
            throw Problem.invalid(field, "must not be blank");
        }
        return value;
    }
}
