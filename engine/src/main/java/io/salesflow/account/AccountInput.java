package io.salesflow.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.platform.problem.Problem;
import io.salesflow.records.RecordInput;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Applies a JSON body to an account field by field (merge-patch meaning, see {@link RecordInput}); every rule
 * names its field and unknown fields are refused.
 */
final class AccountInput {

    private static final Pattern DOMAIN =
            Pattern.compile("^(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    private static final Set<String> ADDRESS_FIELDS = Set.of("street", "city", "postalCode", "region", "country");

    /** The parent a body asks for, checked against the hierarchy by the service. */
    record Parent(boolean given, UUID id) {}

    private AccountInput() {}

    static Parent apply(ObjectNode body, Account account, RecordInput.Assignment assignment, boolean creating) {
        if (creating && !body.hasNonNull("name")) {
            throw Problem.invalid("name", "is required");
        }
        Parent parent = new Parent(false, null);
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String field = e.getKey();
            JsonNode v = e.getValue();
            if (RecordInput.common(field, v, account, assignment)) {
                continue;
            }
            switch (field) {
                case "name" ->
                    account.setName(RecordInput.requiredText(field, v, AccountRecord.ACCOUNT.maxLength(field)));
                case "domain" -> account.setDomain(domain(field, v));
                case "website" -> account.setWebsite(RecordInput.website(field, v));
                case "industry" -> account.setIndustry(text(field, v));
                case "size" -> account.setSize(RecordInput.oneOf(field, v, AccountRecord.ACCOUNT.values(field)));
                case "territory" -> account.setTerritory(text(field, v));
                case "billingAddress" -> account.setBillingAddress(address(field, v));
                case "shippingAddress" -> account.setShippingAddress(address(field, v));
                case "parentId" -> parent = new Parent(true, RecordInput.uuid(field, v));
                default -> throw RecordInput.unknown(field);
            }
        }
        return parent;
    }

    private static String text(String field, JsonNode v) {
        return RecordInput.text(field, v, AccountRecord.ACCOUNT.maxLength(field));
    }

    private static String domain(String field, JsonNode v) {
        String s = RecordInput.text(field, v, 253);
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

    private static Address address(String field, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw Problem.invalid(field, "must be an object with street, city, postalCode, region, country");
        }
        v.fieldNames().forEachRemaining(name -> {
            if (!ADDRESS_FIELDS.contains(name)) {
                throw RecordInput.unknown(field + "." + name);
            }
        });
        String country = RecordInput.country(field + ".country", v.get("country"));
        return new Address(
                RecordInput.text(field + ".street", v.get("street"), 200),
                RecordInput.text(field + ".city", v.get("city"), 100),
                RecordInput.text(field + ".postalCode", v.get("postalCode"), 20),
                RecordInput.text(field + ".region", v.get("region"), 100),
                country);
    }
}
