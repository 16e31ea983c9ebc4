package io.salesflow.rules.facts;

/**
 * What scoring and routing rules may know about a lead (with its contact's and account's fields folded in). Text
 * is kept in {@link Text#normal} form; {@code emailDomain} and {@code jobLevel} are derived from {@code email} and
 * {@code title} when not given. {@code country} is an ISO 3166-1 alpha-2 code, {@code companySize} one of the CRM's
 * bands ({@code 51-200}), {@code source} the CRM's source code ({@code referral}).
 */
public record LeadFacts(
        String leadId,
        String email,
        String emailDomain,
        String title,
        String jobLevel,
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
        boolean phonePresent) {

    public LeadFacts {
        email = Text.normal(email);
        emailDomain = Text.normal(emailDomain);
        if (emailDomain == null && email != null && email.lastIndexOf('@') > 0) {
            emailDomain = Text.normal(email.substring(email.lastIndexOf('@') + 1));
        }
        title = Text.normal(title);
        jobLevel = Text.normal(jobLevel);
        if (jobLevel == null && title != null) {
            jobLevel = JobLevel.fromTitle(title).code();
        }
        company = Text.normal(company);
        companySize = Text.normal(companySize);
        industry = Text.normal(industry);
        country = Text.normal(country);
        region = Text.normal(region);
        postalCode = Text.normal(postalCode);
        language = Text.normal(language);
        source = Text.normal(source);
        status = Text.normal(status);
        productInterest = Text.normal(productInterest);
        website = Text.normal(website);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds facts field by field; unset fields stay {@code null} (or {@code false}). */
    public static final class Builder {
        private String leadId;
        private String email;
        private String emailDomain;
        private String title;
        private String jobLevel;
        private String company;
        private String companySize;
        private String industry;
        private String country;
        private String region;
        private String postalCode;
        private String language;
        private String source;
        private String status;
        private String productInterest;
        private String website;
        private boolean phonePresent;

        private Builder() {}

        public Builder leadId(String v) {
            leadId = v;
            return this;
        }

        public Builder email(String v) {
            email = v;
            return this;
        }

        public Builder emailDomain(String v) {
            emailDomain = v;
            return this;
        }

        public Builder title(String v) {
            title = v;
            return this;
        }

        public Builder jobLevel(String v) {
            jobLevel = v;
            return this;
        }

        public Builder company(String v) {
            company = v;
            return this;
        }

        public Builder companySize(String v) {
            companySize = v;
            return this;
        }

        public Builder industry(String v) {
            industry = v;
            return this;
        }

        public Builder country(String v) {
            country = v;
            return this;
        }

        public Builder region(String v) {
            region = v;
            return this;
        }

        public Builder postalCode(String v) {
            postalCode = v;
            return this;
        }

        public Builder language(String v) {
            language = v;
            return this;
        }

        public Builder source(String v) {
            source = v;
            return this;
        }

        public Builder status(String v) {
            status = v;
            return this;
        }

        public Builder productInterest(String v) {
            productInterest = v;
            return this;
        }

        public Builder website(String v) {
            website = v;
            return this;
        }

        public Builder phonePresent(boolean v) {
            phonePresent = v;
            return this;
        }

        public LeadFacts build() {
            return new LeadFacts(
                    leadId,
                    email,
                    emailDomain,
                    title,
                    jobLevel,
                    company,
                    companySize,
                    industry,
                    country,
                    region,
                    postalCode,
                    language,
                    source,
                    status,
                    productInterest,
                    website,
                    phonePresent);
        }
    }
}
