package io.salesflow.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.platform.problem.Problem;
import io.salesflow.records.RecordInput;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Applies a JSON body to a lead (merge-patch meaning); status changes come back for the aggregate to check. */
final class LeadInput {

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
    /** The statuses a body may ask for; converted comes only from converting the lead. */
    static final List<String> STATUSES = List.of("new", "contacted", "qualified", "unqualified");

    private static final Pattern POSTAL_CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{5,40}$");

    /** A status the body asks for, with the reason that goes with an unqualified lead. */
    record StatusChange(LeadStatus status, String reason) {}

    private LeadInput() {}

    static StatusChange apply(ObjectNode body, Lead lead, RecordInput.Assignment assignment, boolean creating) {
        if (creating && !body.hasNonNull("source")) {
            throw Problem.invalid("source", "is required: where did the lead come from?");
        }
        LeadStatus status = null;
        String reason = null;
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String field = e.getKey();
            JsonNode v = e.getValue();
            if (RecordInput.common(field, v, lead, assignment)) {
                continue;
            }
            if (LeadRecord.LEAD.setBySalesflow().contains(field)) {
                throw Problem.invalid(field, "is set by Salesflow, not by a change");
            }
            switch (field) {
                case "firstName" -> lead.setFirstName(text(field, v));
                case "lastName" -> lead.setLastName(text(field, v));
                case "company" -> lead.setCompany(text(field, v));
                case "title" -> lead.setTitle(text(field, v));
                case "email" -> lead.setEmail(RecordInput.email(field, v));
                case "phone" -> lead.setPhone(phone(field, v));
                case "website" -> lead.setWebsite(RecordInput.website(field, v));
                case "industry" -> lead.setIndustry(text(field, v));
                case "companySize" -> lead.setCompanySize(oneOf(field, v));
                case "country" -> lead.setCountry(RecordInput.country(field, v));
                case "region" -> lead.setRegion(text(field, v));
                case "postalCode" -> lead.setPostalCode(postalCode(field, v));
                case "language" -> lead.setLanguage(language(field, v));
                case "timeZone" -> lead.setTimeZone(RecordInput.timeZone(field, v));
                case "productInterest" -> lead.setProductInterest(text(field, v));
                case "source" -> lead.setSource(required(field, oneOf(field, v)));
                case "status" ->
                    status = LeadStatus.of(required(field, oneOf(field, v))).orElseThrow();
                case "unqualifiedReason" -> reason = text(field, v);
                default -> throw RecordInput.unknown(field);
            }
        }
        if (reason != null && status == null && lead.status() != LeadStatus.UNQUALIFIED) {
            throw Problem.invalid("unqualifiedReason", "goes with status unqualified");
        }
        return new StatusChange(status, reason);
    }

    private static String text(String field, JsonNode v) {
        return RecordInput.text(field, v, LeadRecord.LEAD.maxLength(field));
    }

    private static String oneOf(String field, JsonNode v) {
        return RecordInput.oneOf(field, v, LeadRecord.LEAD.values(field));
    }

    private static String required(String field, String value) {
        if (value == null) {
            throw Problem.invalid(field, "must not be empty");
        }
        return value;
    }

    private static String phone(String field, JsonNode v) {
        String s = RecordInput.text(field, v, 40);
        if (s != null && !PHONE.matcher(s).matches()) {
            throw Problem.invalid(field, "is not a phone number");
        }
        return s;
    }

    private static String postalCode(String field, JsonNode v) {
        String s = RecordInput.text(field, v, 12);
        if (s != null && !POSTAL_CODE.matcher(s).matches()) {
            throw Problem.invalid(field, "must be a postal code: 2-12 letters, digits, spaces or hyphens");
        }
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static String language(String field, JsonNode v) {
        String s = RecordInput.text(field, v, 35);
        if (s == null) {
            return null;
        }
        Locale locale = Locale.forLanguageTag(s);
        if (locale.getLanguage().isEmpty() || !locale.toLanguageTag().equalsIgnoreCase(s)) {
            throw Problem.invalid(field, "must be a language tag such as en or de-CH");
        }
        return locale.toLanguageTag();
    }
}
