package io.salesflow.lead;

import io.salesflow.rules.facts.LeadFacts;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What lead scoring and routing read about a lead, by the API's field names, with what the CRM knows of its
 * account and contact ({@link Related}) and its current score (null before its first scoring).
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
        Related related,
        Integer score,
        String scoreBand) {

    /**
     * The lead's account and contact, when the CRM has them: the ones it was converted to, else the contact with
     * its email address and the account of that contact or of its email or website domain (free-mail domains
     * name no company).
     */
    public record Related(
            UUID accountId,
            String accountSize,
            String accountIndustry,
            List<String> accountTags,
            boolean accountCustomer,
            UUID contactId,
            String contactRole,
            String contactStatus) {

        public static final Related NONE = new Related(null, null, null, List.of(), false, null, null, null);

        public Related {
            accountTags = accountTags == null ? List.of() : List.copyOf(accountTags);
        }
    }

    public LeadFactsView {
        related = related == null ? Related.NONE : related;
    }

    /** The facts rules see. */
    public LeadFacts toFacts() {
        return LeadFacts.builder()
                .leadId(id.toString())
                .email(email)
                .title(title)
                .company(company)
                .companySize(companySize)
                .industry(industry)
                .country(country)
                .region(region)
                .postalCode(postalCode)
                .language(language)
                .source(source)
                .status(status)
                .productInterest(productInterest)
                .website(website)
                .phonePresent(phonePresent)
                .accountKnown(related.accountId() != null)
                .accountSize(related.accountSize())
                .accountIndustry(related.accountIndustry())
                .accountTags(related.accountTags())
                .accountCustomer(related.accountCustomer())
                .contactKnown(related.contactId() != null)
                .contactRole(related.contactRole())
                .contactStatus(related.contactStatus())
                .build();
    }

    /** The facts of a lead being created (not scored yet), with its account and contact as found. */
    public static LeadFactsView of(NewLead lead, Related related) {
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
                related,
                null,
                null);
    }

    private static String text(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }
}
