package io.salesflow.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.salesflow.platform.problem.Problem;
import io.salesflow.records.RecordInput;
import java.util.Locale;

/**
 * Reads phone numbers as people write them and keeps them in E.164. A national number needs the region it
 * belongs to; the service finds it in the request or the contact's account.
 */
final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {}

    /** {@code phones} replaces the list, then {@code phone} picks (and if need be adds) the primary. */
    static ContactPoints apply(ObjectNode body, ContactPoints current, String region) {
        ContactPoints points = current;
        if (body.has("phones")) {
            points = points.replaceAll(ContactInput.list("phones", body.get("phones"), (f, v) -> e164(f, v, region)));
        }
        if (body.has("phone")) {
            points = points.withPrimary(e164("phone", body.get("phone"), region));
        }
        return points;
    }

    static boolean knows(String region) {
        return UTIL.getSupportedRegions().contains(region);
    }

    /** An ISO 3166-1 alpha-2 code of a region with a numbering plan, upper-case. */
    static String region(String field, JsonNode v) {
        String s = RecordInput.text(field, v, 2);
        if (s == null) {
            return null;
        }
        String region = s.toUpperCase(Locale.ROOT);
        if (!knows(region)) {
            throw Problem.invalid(field, "must be an ISO 3166-1 alpha-2 country code such as DE or US");
        }
        return region;
    }

    private static String e164(String field, JsonNode v, String region) {
        String raw = RecordInput.text(field, v, 40);
        if (raw == null) {
            return null;
        }
        boolean international = raw.startsWith("+");
        if (!international && region == null) {
            throw Problem.invalid(
                    field,
                    "is a national number and no region is known: write it internationally (\"+49 30 1234567\")"
                            + " or send phoneRegion");
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(raw, international ? null : region);
            if (UTIL.isValidNumber(number)) {
                return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        } catch (NumberParseException e) {
            // reported below
        }
        throw Problem.invalid(
                field, international ? "is not a valid phone number" : "is not a valid phone number in " + region);
    }
}
