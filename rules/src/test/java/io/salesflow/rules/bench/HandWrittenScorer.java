package io.salesflow.rules.bench;

import io.salesflow.rules.facts.EngagementEvent;
import io.salesflow.rules.facts.EngagementType;
import io.salesflow.rules.facts.LeadFacts;
import io.salesflow.rules.scoring.ScoringFacts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The default scoring rules written out by hand in plain Java: the baseline the benchmark compares Drools with.
 * A property test checks it fires the same rules as the compiled default rule set.
 */
public final class HandWrittenScorer {

    /** The rules that fired, by name, and the total before clamping. */
    public record Outcome(List<String> fired, long rawTotal) {}

    private static final Set<String> FREE_MAIL = Set.of(
            "gmail.com",
            "googlemail.com",
            "yahoo.com",
            "yahoo.co.uk",
            "hotmail.com",
            "outlook.com",
            "live.com",
            "msn.com",
            "aol.com",
            "icloud.com",
            "me.com",
            "mail.com",
            "gmx.de",
            "gmx.net",
            "web.de",
            "proton.me",
            "protonmail.com",
            "yandex.ru",
            "qq.com",
            "163.com");
    private static final Set<String> COMPETITORS =
            Set.of("salesforce.com", "hubspot.com", "pipedrive.com", "zoho.com", "freshworks.com");
    private static final Set<String> CORE = Set.of("us", "ca", "gb", "ie", "de", "fr", "nl");
    private static final Set<String> SECONDARY =
            Set.of("at", "ch", "be", "lu", "se", "dk", "no", "fi", "es", "it", "pt", "au", "nz");
    private static final Set<String> UNSUPPORTED = Set.of("ru", "by", "ir", "kp", "sy", "cu");
    private static final Set<String> TARGET_TAGS = Set.of("target", "target account", "abm");
    private static final Set<String> OTHER_FORMS = Set.of("contact_us", "newsletter", "ebook_download", "trial_signup");

    private final List<String> fired = new ArrayList<>();
    private long total;

    private HandWrittenScorer() {}

    public static Outcome score(ScoringFacts facts) {
        HandWrittenScorer s = new HandWrittenScorer();
        s.run(facts);
        return new Outcome(s.fired, s.total);
    }

    private void award(String rule, int points) {
        fired.add(rule);
        total += points;
    }

    private void run(ScoringFacts f) {
        LeadFacts l = f.lead();
        int[][] counts = counts(f);
        // exclusive groups and the negative engagement rules fire first, as their priorities say
        if (count(counts, EngagementType.EMAIL_BOUNCED, ANY) >= 1) {
            award("Email bounced", -20);
        }
        if (count(counts, EngagementType.UNSUBSCRIBED, ANY) >= 1) {
            award("Unsubscribed", -30);
        }
        if (count(counts, EngagementType.EMAIL_OPENED, D30) >= 5) {
            award("Email opened often", 6);
        } else if (count(counts, EngagementType.EMAIL_OPENED, D30) >= 1) {
            award("Email opened", 3);
        }
        if (count(counts, EngagementType.EMAIL_CLICKED, D30) >= 3) {
            award("Email links clicked often", 12);
        } else if (count(counts, EngagementType.EMAIL_CLICKED, D30) >= 1) {
            award("Email link clicked", 6);
        }
        String domain = l.emailDomain();
        if (domain != null && !FREE_MAIL.contains(domain)) {
            award("Business email domain", 10);
        }
        if (domain != null && FREE_MAIL.contains(domain)) {
            award("Free-mail address", -5);
        }
        if (l.email() == null) {
            award("No email address", -10);
        }
        if (domain != null
                && (domain.endsWith(".edu")
                        || domain.endsWith(".ac.uk")
                        || domain.endsWith(".edu.au")
                        || domain.endsWith(".ac.jp"))) {
            award("Academic email domain", -10);
        }
        String level = l.jobLevel();
        if ("c_level".equals(level)) {
            award("C-level title", 20);
        }
        if ("vp".equals(level)) {
            award("VP title", 15);
        }
        if ("director".equals(level)) {
            award("Director title", 12);
        }
        if ("manager".equals(level)) {
            award("Manager title", 6);
        }
        if ("individual".equals(level)) {
            award("Individual contributor title", 2);
        }
        if ("student".equals(level)) {
            award("Student or intern", -20);
        }
        String title = l.title();
        if (title != null
                && (title.contains("sales")
                        || title.contains("revenue")
                        || title.contains("business development")
                        || title.contains("customer success"))) {
            award("Sales or revenue role", 6);
        }
        if (l.phonePresent()) {
            award("Phone number given", 5);
        }
        if (domain != null && COMPETITORS.contains(domain)) {
            award("Competitor email domain", -50);
        }
        String size = l.companySize();
        if ("1-10".equals(size)) {
            award("Company size 1-10", 2);
        }
        if ("11-50".equals(size)) {
            award("Company size 11-50", 5);
        }
        if ("51-200".equals(size)) {
            award("Company size 51-200", 10);
        }
        if ("201-500".equals(size) || "501-1000".equals(size)) {
            award("Company size 201-1000", 15);
        }
        if ("1001-5000".equals(size) || "5001+".equals(size)) {
            award("Company size 1001+", 12);
        }
        String industry = l.industry();
        if (industry != null
                && (industry.contains("software")
                        || industry.contains("saas")
                        || industry.contains("technology")
                        || industry.contains("financial")
                        || industry.contains("consulting")
                        || industry.contains("manufacturing")
                        || industry.contains("telecom"))) {
            award("Target industry", 10);
        }
        if (industry != null
                && (industry.contains("government")
                        || industry.contains("public sector")
                        || industry.contains("non-profit")
                        || industry.contains("nonprofit")
                        || industry.contains("education"))) {
            award("Low-fit industry", -5);
        }
        String country = l.country();
        if (country != null && CORE.contains(country)) {
            award("Core market country", 10);
        }
        if (country != null && SECONDARY.contains(country)) {
            award("Secondary market country", 5);
        }
        if (country != null && UNSUPPORTED.contains(country)) {
            award("Unsupported country", -30);
        }
        if (l.company() == null) {
            award("Company name missing", -5);
        }
        if (l.accountCustomer()) {
            award("Existing customer", 10);
        }
        if (l.accountTags().stream().anyMatch(TARGET_TAGS::contains)) {
            award("Target account", 15);
        }
        if ("decision_maker".equals(l.contactRole()) || "economic_buyer".equals(l.contactRole())) {
            award("Known decision maker", 10);
        }
        if ("unsubscribed".equals(l.contactStatus()) || "bounced".equals(l.contactStatus())) {
            award("Contact opted out", -15);
        }
        String source = l.source();
        if ("referral".equals(source)) {
            award("Referral source", 15);
        }
        if ("partner".equals(source)) {
            award("Partner source", 10);
        }
        if ("event".equals(source)) {
            award("Event source", 8);
        }
        if ("web_form".equals(source) || "inbound_email".equals(source)) {
            award("Inbound source", 5);
        }
        if ("import".equals(source)) {
            award("Imported list", -10);
        }
        if (l.productInterest() != null) {
            award("Product interest stated", 5);
        }
        if ("unqualified".equals(l.status())) {
            award("Unqualified status", -40);
        }
        if (countDetail(f, EngagementType.FORM_SUBMITTED, 90, Set.of("demo_request")) >= 1) {
            award("Demo requested", 25);
        }
        if (countDetail(f, EngagementType.FORM_SUBMITTED, 30, OTHER_FORMS) >= 1) {
            award("Other form submitted", 5);
        }
        if (countDetail(f, EngagementType.PAGE_VISITED, 30, Set.of("pricing")) >= 1) {
            award("Pricing page visited", 10);
        }
        if (count(counts, EngagementType.WEBINAR_ATTENDED, D90) >= 1) {
            award("Webinar attended", 8);
        }
        if (count(counts, EngagementType.EMAIL_REPLIED, D60) >= 1) {
            award("Replied to an email", 15);
        }
        if (count(counts, EngagementType.MEETING_BOOKED, D60) >= 1) {
            award("Meeting booked", 25);
        }
        if (count(counts, EngagementType.ACTIVITY_COMPLETED, D30) >= 1) {
            award("Activity completed", 5);
        }
        if (count(counts, EngagementType.EMAIL_OPENED, ANY) >= 1
                && count(counts, EngagementType.EMAIL_OPENED, D90) == 0
                && count(counts, EngagementType.EMAIL_CLICKED, D90) == 0
                && count(counts, EngagementType.EMAIL_REPLIED, D90) == 0) {
            award("Gone quiet", -10);
        }
    }

    private static final int D30 = 0;
    private static final int D60 = 1;
    private static final int D90 = 2;
    private static final int ANY = 3;
    private static final long DAY = 86_400L;

    /** Events per type within 30, 60, 90 days and at any time before the scoring time. */
    private static int[][] counts(ScoringFacts f) {
        int[][] counts = new int[EngagementType.values().length][4];
        for (EngagementEvent e : f.events()) {
            long age = Duration.between(e.occurredAt(), f.asOf()).getSeconds();
            if (age < 0) {
                continue;
            }
            int[] c = counts[e.type().ordinal()];
            c[ANY]++;
            if (age <= 90 * DAY) {
                c[D90]++;
            }
            if (age <= 60 * DAY) {
                c[D60]++;
            }
            if (age <= 30 * DAY) {
                c[D30]++;
            }
        }
        return counts;
    }

    private static int count(int[][] counts, EngagementType type, int window) {
        return counts[type.ordinal()][window];
    }

    private static int countDetail(ScoringFacts f, EngagementType type, int days, Set<String> details) {
        int n = 0;
        for (EngagementEvent e : f.events()) {
            long age = Duration.between(e.occurredAt(), f.asOf()).getSeconds();
            if (e.type() == type && age >= 0 && age <= days * DAY && details.contains(e.detail())) {
                n++;
            }
        }
        return n;
    }
}
