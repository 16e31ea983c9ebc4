package io.salesflow.duplicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.salesflow.platform.problem.Problem;
import io.salesflow.records.RecordInput;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads a settings body. It replaces the settings: a field left out takes its default, so that the body alone says
 * what applies. Every refusal names its field.
 */
final class DuplicateSettingsInput {

    private DuplicateSettingsInput() {}

    static DuplicateSettings read(ObjectNode body) {
        DuplicateSettings d = DuplicateSettings.DEFAULT;
        double person = d.personNameThreshold();
        double company = d.companyNameThreshold();
        double candidate = d.candidateThreshold();
        DuplicateSettings.Signals signals = d.signals();
        boolean gmailDots = d.gmailDots();
        boolean plusTags = d.plusTags();
        String region = d.defaultRegion();
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String field = e.getKey();
            JsonNode v = e.getValue();
            switch (field) {
                case "personNameThreshold" -> person = share(field, v);
                case "companyNameThreshold" -> company = share(field, v);
                case "candidateThreshold" -> candidate = share(field, v);
                case "signals" -> signals = signals(field, v, signals);
                case "gmailDots" -> gmailDots = flag(field, v);
                case "plusTags" -> plusTags = flag(field, v);
                case "defaultRegion" -> region = region(field, v);
                case "version" -> {
                    // Read back as sent; the If-Match header is what guards a concurrent change.
                }
                default -> throw RecordInput.unknown(field);
            }
        }
        return new DuplicateSettings(person, company, candidate, signals, gmailDots, plusTags, region, 0);
    }

    private static double share(String field, JsonNode v) {
        if (v == null || !v.isNumber() || v.doubleValue() < 0 || v.doubleValue() > 1) {
            throw Problem.invalid(field, "must be a number from 0 to 1");
        }
        return Math.round(v.doubleValue() * 1000) / 1000.0;
    }

    private static boolean flag(String field, JsonNode v) {
        if (v == null || !v.isBoolean()) {
            throw Problem.invalid(field, "must be true or false");
        }
        return v.booleanValue();
    }

    private static DuplicateSettings.Signals signals(String field, JsonNode v, DuplicateSettings.Signals defaults) {
        if (v == null || !v.isObject()) {
            throw Problem.invalid(field, "must be an object of email, phone, domain and name, each true or false");
        }
        boolean email = defaults.email();
        boolean phone = defaults.phone();
        boolean domain = defaults.domain();
        boolean name = defaults.name();
        Iterator<Map.Entry<String, JsonNode>> signals = v.fields();
        while (signals.hasNext()) {
            Map.Entry<String, JsonNode> e = signals.next();
            String path = field + "." + e.getKey();
            switch (e.getKey()) {
                case "email" -> email = flag(path, e.getValue());
                case "phone" -> phone = flag(path, e.getValue());
                case "domain" -> domain = flag(path, e.getValue());
                case "name" -> name = flag(path, e.getValue());
                default -> throw RecordInput.unknown(path);
            }
        }
        return new DuplicateSettings.Signals(email, phone, domain, name);
    }

    private static String region(String field, JsonNode v) {
        String region = RecordInput.country(field, v);
        if (region != null
                && !PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            throw Problem.invalid(field, "has no telephone numbering plan; give a country code such as DE or US");
        }
        return region;
    }
}
