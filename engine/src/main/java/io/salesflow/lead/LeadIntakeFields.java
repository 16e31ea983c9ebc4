package io.salesflow.lead;

import java.util.List;

/** The lead fields a system outside Salesflow may fill when it hands over a lead (a webhook's field mapping). */
public final class LeadIntakeFields {

    /** The fields a mapping may fill, as the API names them. */
    public static final List<String> MAPPABLE = List.of(
            "firstName",
            "lastName",
            "company",
            "title",
            "email",
            "phone",
            "website",
            "industry",
            "companySize",
            "country",
            "region",
            "postalCode",
            "language",
            "productInterest");

    private LeadIntakeFields() {}

    /** Where a lead may come from ({@code source}). */
    public static List<String> sources() {
        return LeadInput.SOURCES;
    }
}
