package io.salesflow.rules.criteria;

/** A field of {@link io.salesflow.rules.facts.LeadFacts} a condition may test, with the property DRL reads. */
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
    PHONE_PRESENT("phonePresent", true);

    private final String property;
    private final boolean flag;

    LeadField(String property) {
        this(property, false);
    }

    LeadField(String property, boolean flag) {
        this.property = property;
        this.flag = flag;
    }

    public String property() {
        return property;
    }

    /** A yes/no field: only {@link Operator#IS_TRUE} and {@link Operator#IS_FALSE} apply. */
    public boolean isFlag() {
        return flag;
    }
}
