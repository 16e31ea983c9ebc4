package io.salesflow.rules.criteria;

/**
 * A field of {@link io.salesflow.rules.facts.LeadFacts} a condition may test, with the property DRL reads: the
 * lead's own fields, then those of its account ({@code ACCOUNT_*}) and its contact ({@code CONTACT_*}).
 */
public enum LeadField {
    EMAIL("email"),
    EMAIL_DOMAIN("emailDomain"),
    TITLE("title"),
    JOB_LEVEL("jobLevel"),
    COMPANY("company"),
    COMPANY_SIZE("companySize"),
    INDUSTRY("industry"),
    COUNTRY("country"),
    REGION("region"),
    POSTAL_CODE("postalCode"),
    LANGUAGE("language"),
    SOURCE("source"),
    STATUS("status"),
    PRODUCT_INTEREST("productInterest"),
    WEBSITE("website"),
    PHONE_PRESENT("phonePresent", Kind.FLAG),
    ACCOUNT_KNOWN("accountKnown", Kind.FLAG),
    ACCOUNT_SIZE("accountSize"),
    ACCOUNT_INDUSTRY("accountIndustry"),
    ACCOUNT_TAGS("accountTags", Kind.LIST),
    ACCOUNT_CUSTOMER("accountCustomer", Kind.FLAG),
    CONTACT_KNOWN("contactKnown", Kind.FLAG),
    CONTACT_ROLE("contactRole"),
    CONTACT_STATUS("contactStatus");

    /** What a field holds: text, yes/no, or a list of texts (tags). */
    enum Kind {
        TEXT,
        FLAG,
        LIST
    }

    private final String property;
    private final Kind kind;

    LeadField(String property) {
        this(property, Kind.TEXT);
    }

    LeadField(String property, Kind kind) {
        this.property = property;
        this.kind = kind;
    }

    public String property() {
        return property;
    }

    /** A yes/no field: only {@link Operator#IS_TRUE} and {@link Operator#IS_FALSE} apply. */
    public boolean isFlag() {
        return kind == Kind.FLAG;
    }

    /**
     * A list of texts: only {@link Operator#CONTAINS_ANY} (holds one of the values), {@link Operator#PRESENT}
     * (not empty) and {@link Operator#ABSENT} (empty) apply.
     */
    public boolean isList() {
        return kind == Kind.LIST;
    }
}
