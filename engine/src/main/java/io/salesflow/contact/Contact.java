package io.salesflow.contact;

import io.salesflow.records.CustomizableRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person the tenant deals with, usually at an account, with the ways to reach them and what they agreed to. */
@Entity
@Table(name = "contacts")
class Contact extends CustomizableRecord {

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    private String title;

    @Column(name = "account_id")
    private UUID accountId;

    @Column(name = "account_role")
    private String accountRole;

    private String email;

    @Column(nullable = false)
    private String[] emails = new String[0];

    private String phone;

    @Column(nullable = false)
    private String[] phones = new String[0];

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, String> social = new TreeMap<>();

    @Column(nullable = false)
    private String status = "active";

    private String source;

    @Column(name = "email_opt_in", nullable = false)
    private boolean emailOptIn;

    @Column(name = "sms_opt_in", nullable = false)
    private boolean smsOptIn;

    @Column(name = "whatsapp_opt_in", nullable = false)
    private boolean whatsappOptIn;

    @Column(name = "consent_updated_at")
    private Instant consentUpdatedAt;

    @Column(name = "preferred_language")
    private String preferredLanguage;

    @Column(name = "time_zone")
    private String timeZone;

    protected Contact() {}

    Contact(UUID tenantId, UUID ownerId) {
        super(tenantId, ownerId);
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("firstName", firstName);
        s.put("lastName", lastName);
        s.put("title", title);
        s.put("accountId", accountId);
        s.put("accountRole", accountRole);
        s.put("email", email);
        s.put("emails", List.of(emails));
        s.put("phone", phone);
        s.put("phones", List.of(phones));
        s.put("social", new TreeMap<>(social));
        s.put("status", status);
        s.put("source", source);
        s.put("emailOptIn", emailOptIn);
        s.put("smsOptIn", smsOptIn);
        s.put("whatsappOptIn", whatsappOptIn);
        s.put("consentUpdatedAt", consentUpdatedAt);
        s.put("preferredLanguage", preferredLanguage);
        s.put("timeZone", timeZone);
        return withCommonFields(s);
    }

    boolean hasName() {
        return firstName != null || lastName != null;
    }

    UUID getAccountId() {
        return accountId;
    }

    ContactPoints emails() {
        return new ContactPoints(email, List.of(emails));
    }

    ContactPoints phones() {
        return new ContactPoints(phone, List.of(phones));
    }

    /** The three opt-ins, to tell whether a change touched consent. */
    List<Boolean> consent() {
        return List.of(emailOptIn, smsOptIn, whatsappOptIn);
    }

    void consentChangedAt(Instant at) {
        consentUpdatedAt = at;
    }

    void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    void setLastName(String lastName) {
        this.lastName = lastName;
    }

    void setTitle(String title) {
        this.title = title;
    }

    void setAccountId(UUID accountId) {
        this.accountId = accountId;
    }

    void setAccountRole(String accountRole) {
        this.accountRole = accountRole;
    }

    void setEmails(ContactPoints emails) {
        this.email = emails.primary();
        this.emails = emails.all().toArray(String[]::new);
    }

    void setPhones(ContactPoints phones) {
        this.phone = phones.primary();
        this.phones = phones.all().toArray(String[]::new);
    }

    void setSocial(Map<String, String> social) {
        this.social = new TreeMap<>(social);
    }

    void setStatus(String status) {
        this.status = status;
    }

    void setSource(String source) {
        this.source = source;
    }

    void setEmailOptIn(boolean emailOptIn) {
        this.emailOptIn = emailOptIn;
    }

    void setSmsOptIn(boolean smsOptIn) {
        this.smsOptIn = smsOptIn;
    }

    void setWhatsappOptIn(boolean whatsappOptIn) {
        this.whatsappOptIn = whatsappOptIn;
    }

    void setPreferredLanguage(String preferredLanguage) {
        this.preferredLanguage = preferredLanguage;
    }

    void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
