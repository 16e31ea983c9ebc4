package io.salesflow.lead;

import java.util.Map;
import java.util.UUID;

/**
 * What lead scoring reads about a lead, by the API's field names, with its current score (null before its
 * first scoring).
 */
public record LeadFactsView(
        UUID id,
        String email,
        String title,
        String company,
        String companySize,
        String industry,
        String country,
        String region,
        String postalCode,
        String language,
        String source,
        String status,
        String productInterest,
        String website,
        boolean phonePresent,
        Integer score,
        String scoreBand) {

    /** The facts of a lead being created (not scored yet). */
    public static LeadFactsView of(NewLead lead) {
        Map<String, Object> f = lead.fields();
        Object phone = f.get("phone");
        return new LeadFactsView(
                lead.id(),
                text(f, "email"),
                text(f, "title"),
                text(f, "company"),
                text(f, "companySize"),
                text(f, "industry"),
                text(f, "country"),
                text(f, "region"),
                text(f, "postalCode"),
                text(f, "language"),
                text(f, "source"),
                text(f, "status"),
                text(f, "productInterest"),
                text(f, "website"),
                phone != null && !phone.toString().isBlank(),
                null,
                null);
    }

    private static String text(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }
}
