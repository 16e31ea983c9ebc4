package io.salesflow.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.platform.problem.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Applies a JSON body to an account field by field, with merge-patch meaning: a field that is present is set
 * (null clears it), an absent one stays. Every rule names its field; unknown fields are refused.
 */
final class AccountInput {

    static final Set<String> SIZES = Set.of("1-10", "11-50", "51-200", "201-500", "501-1000", "1001-5000", "5001+");
    private static final Pattern DOMAIN =
            Pattern.compile("^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> ADDRESS_FIELDS = Set.of("street", "city", "postalCode", "region", "country");

    /** What the body asks for beyond plain fields: these need the service to check them against other data. */
    record References(
            boolean ownerGiven, UUID ownerId, boolean teamGiven, UUID teamId, boolean parentGiven, UUID parentId) {}

    private AccountInput() {}

    static References apply(ObjectNode body, Account account, boolean creating) {
        if (creating && (!body.hasNonNull("name"))) {
            throw Problem.invalid("name", "is required");
        }
        boolean ownerGiven = false, teamGiven = false, parentGiven = false;
        UUID owner = null, team = null, parent = null;
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String field = e.getKey();
            JsonNode v = e.getValue();
            switch (field) {
                case "name" -> account.setName(requiredText(field, v, 200));
                case "domain" -> account.setDomain(domain(field, v));
                case "website" -> account.setWebsite(website(field, v));
                case "industry" -> account.setIndustry(text(field, v, 100));
                case "size" -> account.setSize(oneOf(field, v, SIZES));
                case "territory" -> account.setTerritory(text(field, v, 100));
                case "billingAddress" -> account.setBillingAddress(address(field, v));
                case "shippingAddress" -> account.setShippingAddress(address(field, v));
                case "tags" -> account.setTags(tags(field, v));
                case "ownerId" -> {
                    ownerGiven = true;
                    owner = uuid(field, v);
                    if (owner == null) {
                        throw Problem.invalid(field, "an account always has an owner");
                    }
                }
                case "teamId" -> {
                    teamGiven = true;
                    team = uuid(field, v);
                }
                case "parentId" -> {
                    parentGiven = true;
                    parent = uuid(field, v);
                }
                default -> throw Problem.invalid(field, "is not a known field");
            }
        }
        return new References(ownerGiven, owner, teamGiven, team, parentGiven, parent);
    }

    static String text(String field, JsonNode v, int max) {
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

    private static String requiredText(String field, JsonNode v, int max) {
        String s = text(field, v, max);
        if (s == null) {
            throw Problem.invalid(field, "must not be blank");
        }
        return s;
    }

    private static String oneOf(String field, JsonNode v, Set<String> allowed) {
        String s = text(field, v, 50);
        if (s != null && !allowed.contains(s)) {
            throw Problem.invalid(
                    field, "must be one of " + allowed.stream().sorted().toList());
        }
        return s;
    }

    private static String domain(String field, JsonNode v) {
        String s = text(field, v, 253);
        if (s == null) {
            return null;
        }
        String d = s.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
        d = d.endsWith("/") ? d.substring(0, d.length() - 1) : d;
        if (!DOMAIN.matcher(d).matches()) {
            throw Problem.invalid(field, "is not a domain name like example.com");
        }
        return d;
    }

    private static String website(String field, JsonNode v) {
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

    private static Address address(String field, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw Problem.invalid(field, "must be an object with street, city, postalCode, region, country");
        }
        v.fieldNames().forEachRemaining(name -> {
            if (!ADDRESS_FIELDS.contains(name)) {
                throw Problem.invalid(field + "." + name, "is not a known field");
            }
        });
        String country = text(field + ".country", v.get("country"), 2);
        if (country != null && (!COUNTRY.matcher(country).matches() || !ISO_COUNTRIES.contains(country))) {
            throw Problem.invalid(field + ".country", "must be an ISO 3166-1 alpha-2 code such as DE or US");
        }
        return new Address(
                text(field + ".street", v.get("street"), 200),
                text(field + ".city", v.get("city"), 100),
                text(field + ".postalCode", v.get("postalCode"), 20),
                text(field + ".region", v.get("region"), 100),
                country);
    }

    private static List<String> tags(String field, JsonNode v) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw Problem.invalid(field, "must be a list of tags");
        }
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            String tag = text(field + "[" + i + "]", v.get(i), 50);
            if (tag == null) {
                throw Problem.invalid(field + "[" + i + "]", "must not be blank");
            }
            tags.add(tag.toLowerCase(Locale.ROOT));
        }
        if (tags.size() > 50) {
            throw Problem.invalid(field, "must have at most 50 tags");
        }
        return tags;
    }

    static UUID uuid(String field, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return UUID.fromString(v.asText());
        } catch (IllegalArgumentException e) {
            throw Problem.invalid(field, "is not an id");
        }
    }
}
