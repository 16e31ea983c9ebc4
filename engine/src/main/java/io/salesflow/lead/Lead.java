package io.salesflow.lead;

import io.salesflow.platform.problem.Problem;
import io.salesflow.records.CustomizableRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A prospect not yet qualified: a person, a company, or both, with where it came from and how far it got.
 * Updates write only the columns that changed: lead scoring writes the score columns of existing leads
 * itself, and a change made meanwhile must not put back the score it loaded.
 */
@Entity
@Table(name = "leads")
@DynamicUpdate
class Lead extends CustomizableRecord {

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    private String company;
    private String title;
    private String email;
    private String phone;
    private String website;
    private String industry;

    @Column(name = "company_size")
    private String companySize;

    private String country;
    private String region;

    @Column(name = "postal_code")
    private String postalCode;

    private String language;

    @Column(name = "time_zone")
    private String timeZone;

    @Column(name = "product_interest")
    private String productInterest;

    @Column(nullable = false)
    private String source;

    @Column(nullable = false)
    private String status = LeadStatus.NEW.code();

    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt = Instant.now();

    @Column(name = "unqualified_reason")
    private String unqualifiedReason;

    @Column(name = "converted_at")
    private Instant convertedAt;

    // Kept out of the snapshot: score changes have their own history, with the rules that made them.
    private Integer score;

    @Column(name = "score_band")
    private String scoreBand;

    @Column(name = "scored_at")
    private Instant scoredAt;

    @Column(name = "converted_contact_id")
    private UUID convertedContactId;

    @Column(name = "converted_account_id")
    private UUID convertedAccountId;

    @Column(name = "converted_deal_id")
    private UUID convertedDealId;

    protected Lead() {}

    Lead(UUID tenantId, UUID ownerId) {
        super(tenantId, ownerId);
    }

    LeadStatus status() {
        return LeadStatus.of(status).orElseThrow();
    }

    /**
     * Moves the lead to {@code next} if the status order allows it; an unqualified lead needs a reason, which
     * a later qualification clears.
     */
    void moveTo(LeadStatus next, String reason, Instant at) {
        LeadStatus current = status();
        if (next == current) {
            return;
        }
        if (!current.next().contains(next)) {
            throw Problem.invalid(
                    "status",
                    "a " + current.code() + " lead cannot become " + next.code() + "; it can become "
                            + (current.next().isEmpty()
                                    ? "nothing else by a change"
                                    : current.next().stream()
                                            .map(LeadStatus::code)
                                            .sorted()
                                            .toList()));
        }
        if (next == LeadStatus.UNQUALIFIED && (reason == null || reason.isBlank())) {
            throw Problem.invalid("unqualifiedReason", "is required to mark a lead unqualified");
        }
        status = next.code();
        statusChangedAt = at;
        unqualifiedReason = next == LeadStatus.UNQUALIFIED ? reason : null;
    }

    /** Only a qualified lead converts; it then points at what it became. */
    void convert(UUID contactId, UUID accountId, UUID dealId, Instant at) {
        checkConvertible();
        status = LeadStatus.CONVERTED.code();
        statusChangedAt = at;
        convertedAt = at;
        convertedContactId = contactId;
        convertedAccountId = accountId;
        convertedDealId = dealId;
    }

    void checkConvertible() {
        if (status() != LeadStatus.QUALIFIED) {
            throw io.salesflow.platform.problem.Problem.invalid(
                    "status", "only a qualified lead can be converted; this one is " + status);
        }
    }

    /** Requires what makes a lead a lead: a name or a company. */
    void checkIdentified() {
        if (isBlank(firstName) && isBlank(lastName) && isBlank(company)) {
            throw Problem.invalid("lastName", "a lead needs a first name, a last name or a company");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    void recordScore(int score, String band, Instant at) {
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("a score is between 0 and 100, not " + score);
        }
        this.score = score;
        this.scoreBand = band;
        this.scoredAt = at;
        changed();
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("firstName", firstName);
        s.put("lastName", lastName);
        s.put("company", company);
        s.put("title", title);
        s.put("email", email);
        s.put("phone", phone);
        s.put("website", website);
        s.put("industry", industry);
        s.put("companySize", companySize);
        s.put("country", country);
        s.put("region", region);
        s.put("postalCode", postalCode);
        s.put("language", language);
        s.put("timeZone", timeZone);
        s.put("productInterest", productInterest);
        s.put("source", source);
        s.put("status", status);
        s.put("unqualifiedReason", unqualifiedReason);
        s.put("convertedContactId", convertedContactId);
        s.put("convertedAccountId", convertedAccountId);
        s.put("convertedDealId", convertedDealId);
        return withCommonFields(s);
    }

    String getFirstName() {
        return firstName;
    }

    String getLastName() {
        return lastName;
    }

    String getCompany() {
        return company;
    }

    String getTitle() {
        return title;
    }

    String getEmail() {
        return email;
    }

    String getPhone() {
        return phone;
    }

    String getWebsite() {
        return website;
    }

    String getIndustry() {
        return industry;
    }

    String getCompanySize() {
        return companySize;
    }

    String getCountry() {
        return country;
    }

    String getLanguage() {
        return language;
    }

    String getTimeZone() {
        return timeZone;
    }

    String getSource() {
        return source;
    }

    String getUnqualifiedReason() {
        return unqualifiedReason;
    }

    void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    void setLastName(String lastName) {
        this.lastName = lastName;
    }

    void setCompany(String company) {
        this.company = company;
    }

    void setTitle(String title) {
        this.title = title;
    }

    void setEmail(String email) {
        this.email = email;
    }

    void setPhone(String phone) {
        this.phone = phone;
    }

    void setWebsite(String website) {
        this.website = website;
    }

    void setIndustry(String industry) {
        this.industry = industry;
    }

    void setCompanySize(String companySize) {
        this.companySize = companySize;
    }

    void setCountry(String country) {
        this.country = country;
    }

    void setRegion(String region) {
        this.region = region;
    }

    void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    void setLanguage(String language) {
        this.language = language;
    }

    void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    void setProductInterest(String productInterest) {
        this.productInterest = productInterest;
    }

    void setSource(String source) {
        this.source = source;
    }
}
