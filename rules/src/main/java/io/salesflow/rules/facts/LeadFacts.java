package io.salesflow.rules.facts;

import java.util.List;
import java.util.Objects;

/**
 * What scoring and routing rules may know about a lead, with the fields of the CRM records it belongs to folded in:
 * its account (the company already in the CRM: the account it was converted to, or the one its email or website
 * domain names) and its contact (the person already in the CRM: the contact it was converted to, or the one with
 * its email address). Text is kept in {@link Text#normal} form, tags too; {@code emailDomain} and {@code jobLevel}
 * are derived from {@code email} and {@code title} when not given. {@code country} is an ISO 3166-1 alpha-2 code,
 * {@code companySize} and {@code accountSize} one of the CRM's bands ({@code 51-200}), {@code source} the CRM's
 * source code ({@code referral}), {@code accountCustomer} whether the account has won a deal, {@code contactRole}
 * the contact's role at the account ({@code decision_maker}) and {@code contactStatus} its status
 * ({@code unsubscribed}).
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
        boolean phonePresent,
        boolean accountKnown,
        String accountSize,
        String accountIndustry,
        List<String> accountTags,
        boolean accountCustomer,
        boolean contactKnown,
        String contactRole,
        String contactStatus) {

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
        accountSize = Text.normal(accountSize);
        accountIndustry = Text.normal(accountIndustry);
        accountTags = accountTags == null
                ? List.of()
                : accountTags.stream()
                        .map(Text::normal)
                        .filter(Objects::nonNull)
                        .toList();
        contactRole = Text.normal(contactRole);
        contactStatus = Text.normal(contactStatus);
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
        private boolean accountKnown;
        private String accountSize;
        private String accountIndustry;
        private List<String> accountTags;
        private boolean accountCustomer;
        private boolean contactKnown;
        private String contactRole;
        private String contactStatus;

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

        public Builder accountKnown(boolean v) {
            accountKnown = v;
            return this;
        }

        public Builder accountSize(String v) {
            accountSize = v;
            return this;
        }

        public Builder accountIndustry(String v) {
            accountIndustry = v;
            return this;
        }

        public Builder accountTags(List<String> v) {
            accountTags = v;
            return this;
        }

        public Builder accountCustomer(boolean v) {
            accountCustomer = v;
            return this;
        }

        public Builder contactKnown(boolean v) {
            contactKnown = v;
            return this;
        }

        public Builder contactRole(String v) {
            contactRole = v;
            return this;
        }

        public Builder contactStatus(String v) {
            contactStatus = v;
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
                    phonePresent,
                    accountKnown,
                    accountSize,
                    accountIndustry,
                    accountTags,
                    accountCustomer,
                    contactKnown,
                    contactRole,
                    contactStatus);
        }
    }
}
