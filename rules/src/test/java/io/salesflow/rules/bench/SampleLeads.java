package io.salesflow.rules.bench;

import io.salesflow.rules.facts.EngagementEvent;
import io.salesflow.rules.facts.EngagementType;
import io.salesflow.rules.facts.LeadFacts;
import io.salesflow.rules.scoring.ScoringFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Leads with a realistic spread of fields and engagement, from a seed, for benchmarks and property tests. */
public final class SampleLeads {

    public static final Instant AS_OF = Instant.parse("2026-06-15T12:00:00Z");

    static final String[] DOMAINS = {
        "acme.io",
        "globex.com",
        "gmail.com",
        "yahoo.com",
        "stanford.edu",
        "hubspot.com",
        "initech.de",
        "ox.ac.uk",
        "outlook.com",
        "umbrella.co.uk",
        null
    };
    static final String[] TITLES = {
        "CEO",
        "Chief Revenue Officer",
        "VP Sales",
        "Vice President Marketing",
        "Head of Operations",
        "Director IT",
        "Sales Manager",
        "Team Lead Support",
        "Account Executive",
        "Software Engineer",
        "Student",
        "Intern",
        null
    };
    static final String[] SIZES = {"1-10", "11-50", "51-200", "201-500", "501-1000", "1001-5000", "5001+", null};
    static final String[] INDUSTRIES = {
        "Computer Software",
        "Financial Services",
        "Retail",
        "Government",
        "Education",
        "Manufacturing",
        "Telecom",
        "Hospitality",
        null
    };
    static final String[] COUNTRIES = {"US", "DE", "GB", "FR", "AT", "ES", "AU", "RU", "BR", "IN", "JP", "MX", null};
    static final String[] SOURCES = {
        "web_form", "import", "api", "referral", "event", "inbound_email", "outbound", "partner", "social", "other"
    };
    static final String[] STATUSES = {"new", "contacted", "qualified", "unqualified"};
    static final String[] FORMS = {"demo_request", "contact_us", "newsletter", "ebook_download", "careers"};
    static final String[] ACCOUNT_TAGS = {"abm", "Target Account", "enterprise", "churn-risk", null};
    static final String[] ROLES = {"decision_maker", "economic_buyer", "champion", "end_user", "blocker", null};
    static final String[] CONTACT_STATUSES = {"active", "inactive", "bounced", "unsubscribed"};
    static final String[] PAGES = {"pricing", "blog", "careers", "docs"};

    private SampleLeads() {}

    public static List<ScoringFacts> generate(int count, long seed) {
        Random r = new Random(seed);
        List<ScoringFacts> leads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            leads.add(one(r, "lead-" + i));
        }
        return leads;
    }

    public static ScoringFacts one(Random r, String id) {
        String domain = pick(r, DOMAINS);
        LeadFacts.Builder lead = LeadFacts.builder()
                .leadId(id)
                .email(domain == null ? null : "person" + r.nextInt(1000) + "@" + domain)
                .title(pick(r, TITLES))
                .company(r.nextInt(10) == 0 ? null : "Company " + r.nextInt(500))
                .companySize(pick(r, SIZES))
                .industry(pick(r, INDUSTRIES))
                .country(pick(r, COUNTRIES))
                .source(pick(r, SOURCES))
                .status(pick(r, STATUSES))
                .productInterest(r.nextBoolean() ? null : "Sales Cloud")
                .phonePresent(r.nextBoolean());
        if (r.nextInt(3) == 0) {
            lead.accountKnown(true)
                    .accountSize(pick(r, SIZES))
                    .accountIndustry(pick(r, INDUSTRIES))
                    .accountTags(
                            java.util.Arrays.asList(r.nextInt(3) == 0 ? "Target" : "partner", pick(r, ACCOUNT_TAGS)))
                    .accountCustomer(r.nextInt(4) == 0);
        }
        if (r.nextInt(4) == 0) {
            lead.contactKnown(true).contactRole(pick(r, ROLES)).contactStatus(pick(r, CONTACT_STATUSES));
        }
        int events = r.nextInt(4) == 0 ? 0 : r.nextInt(25);
        List<EngagementEvent> list = new ArrayList<>(events);
        EngagementType[] types = EngagementType.values();
        for (int e = 0; e < events; e++) {
            EngagementType type = types[r.nextInt(types.length)];
            String detail = type == EngagementType.FORM_SUBMITTED
                    ? pick(r, FORMS)
                    : type == EngagementType.PAGE_VISITED ? pick(r, PAGES) : null;
            Duration age = Duration.ofMinutes(r.nextInt(200 * 24 * 60) - 2 * 24 * 60);
            list.add(new EngagementEvent(type, AS_OF.minus(age), detail));
        }
        return new ScoringFacts(lead.build(), list, AS_OF);
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
