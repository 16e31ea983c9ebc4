package io.salesflow.demo;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deterministic CRM records for a demo workspace: accounts with contacts and leads in every status, deals, and
 * activities and notes on them ({@link DemoActivities}), owned by the workspace's reps and managers. Ids derive
 * from the workspace and a number, and rows are inserted with {@code ON CONFLICT DO NOTHING}, so loading again
 * adds nothing. Written straight to the tables: seed data has no request, caller or history to record.
 */
@Component
class DemoRecords {

    private static final String[] FIRST = {
        "Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "Lucas", "Mia", "Mateo", "Amelia", "Levi",
        "Harper", "Ethan", "Evelyn", "James", "Aria", "Leo", "Chloe", "Kai", "Nora", "Arjun", "Yuki", "Sofia",
        "Lena", "Jonas", "Priya", "Omar", "Ines", "Tariq", "Maya", "Felix", "Zoe", "Hugo", "Lea", "Ravi"
    };
    private static final String[] LAST = {
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Martinez", "Lopez", "Wilson",
        "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark",
        "Müller", "Schmidt", "Dubois", "Rossi", "Nakamura", "Kowalski", "Novak", "Jensen", "Silva", "Patel"
    };
    private static final String[] COMPANY_A = {
        "North",
        "Blue",
        "Bright",
        "Iron",
        "Green",
        "Silver",
        "Rapid",
        "Summit",
        "Harbor",
        "Pioneer",
        "Quantum",
        "Cedar",
        "Atlas",
        "Nova",
        "Vertex",
        "Crescent",
        "Granite",
        "Lumen",
        "Orbit",
        "Maple"
    };
    private static final String[] COMPANY_B = {
        "Systems", "Logistics", "Analytics", "Foods", "Health", "Energy", "Robotics", "Media", "Capital", "Retail"
    };
    private static final String[] INDUSTRIES = {
        "Software",
        "Logistics",
        "Financial services",
        "Food & beverage",
        "Healthcare",
        "Energy",
        "Manufacturing",
        "Media",
        "Banking",
        "Retail"
    };
    private static final String[] SIZES = {"11-50", "51-200", "201-500", "501-1000", "1001-5000"};
    private static final String[] COUNTRIES = {"US", "DE", "GB", "FR", "NL", "CA"};
    private static final String[] TERRITORIES = {"East", "West", "Central", "EMEA"};
    private static final String[] ROLES = {
        "decision_maker", "economic_buyer", "champion", "influencer", "technical_evaluator", "end_user"
    };
    private static final String[] TITLES = {
        "CEO",
        "CFO",
        "Head of Sales",
        "VP Operations",
        "IT Director",
        "Procurement Manager",
        "Marketing Lead",
        "Engineer"
    };
    private static final String[] SOURCES = {"web_form", "event", "referral", "outbound", "partner", "social"};
    private static final String[] CONTACT_SOURCES = {"web_form", "event", "referral", "outbound", "partner", "import"};
    private static final String[] LEAD_STATUSES = {"new", "contacted", "qualified", "unqualified", "converted"};

    private final JdbcTemplate jdbc;
    private final DemoActivities activities;

    DemoRecords(JdbcTemplate jdbc, DemoActivities activities) {
        this.jdbc = jdbc;
        this.activities = activities;
    }

    record Sizes(int accounts, int contactsPerAccount, int leads, int deals, int activities, int notes) {

        /** Three activities per deal, and four notes for every five deals. */
        Sizes(int accounts, int contactsPerAccount, int leads, int deals) {
            this(accounts, contactsPerAccount, leads, deals, deals * 3, deals * 4 / 5);
        }
    }

    /** Loads the records into the current tenant; {@code owners} are the users records are spread over. */
    @Transactional
    void load(UUID tenant, String slug, List<UUID> owners, UUID team, Sizes sizes) {
        Instant base = Instant.parse("2026-01-05T09:00:00Z");
        List<Object[]> accounts = new ArrayList<>();
        List<Object[]> contacts = new ArrayList<>();
        for (int a = 0; a < sizes.accounts(); a++) {
            UUID accountId = id(slug, "account", a);
            String company =
                    COMPANY_A[a % COMPANY_A.length] + " " + COMPANY_B[(a / COMPANY_A.length) % COMPANY_B.length]
                            + (a >= COMPANY_A.length * COMPANY_B.length
                                    ? " " + (a / (COMPANY_A.length * COMPANY_B.length) + 1)
                                    : "");
            String domain = company.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example";
            UUID owner = owners.get(a % owners.size());
            String country = COUNTRIES[a % COUNTRIES.length];
            accounts.add(new Object[] {
                tenant,
                accountId,
                company,
                domain,
                "https://" + domain,
                INDUSTRIES[a % INDUSTRIES.length],
                SIZES[a % SIZES.length],
                "{\"city\":\"Springfield\",\"country\":\"" + country + "\"}",
                owner,
                a % 3 == 0 ? team : null,
                TERRITORIES[a % TERRITORIES.length],
                a % 10 == 0 ? new String[] {"key-account"} : new String[0],
                Timestamp.from(base.plus(a, ChronoUnit.HOURS))
            });
            for (int c = 0; c < sizes.contactsPerAccount(); c++) {
                int n = a * sizes.contactsPerAccount() + c;
                String first = FIRST[n % FIRST.length];
                String last = LAST[(n * 7 + a) % LAST.length];
                String email = (ascii(first) + "." + ascii(last) + n + "@" + domain).toLowerCase(Locale.ROOT);
                String phone = "+1415555" + String.format("%04d", n % 10_000);
                contacts.add(new Object[] {
                    tenant,
                    id(slug, "contact", n),
                    first,
                    last,
                    TITLES[n % TITLES.length],
                    accountId,
                    ROLES[n % ROLES.length],
                    email,
                    new String[] {email},
                    phone,
                    new String[] {phone},
                    n % 11 == 0 ? "inactive" : "active",
                    CONTACT_SOURCES[n % CONTACT_SOURCES.length],
                    n % 2 == 0,
                    n % 5 == 0,
                    owner,
                    Timestamp.from(base.plus(n, ChronoUnit.MINUTES))
                });
            }
        }
        jdbc.batchUpdate(
                """
                INSERT INTO accounts (tenant_id, id, name, domain, website, industry, size, billing_address, owner_id,
                                      team_id, territory, tags, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, now())
                ON CONFLICT DO NOTHING
                """,
                accounts);
        jdbc.batchUpdate(
                """
                INSERT INTO contacts (tenant_id, id, first_name, last_name, title, account_id, account_role, email,
                                      emails, phone, phones, status, source, email_opt_in, sms_opt_in, owner_id,
                                      created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                ON CONFLICT DO NOTHING
                """,
                contacts);
        jdbc.batchUpdate(
                """
                INSERT INTO leads (tenant_id, id, first_name, last_name, company, title, email, source, status,
                                   unqualified_reason, country, company_size, owner_id, created_at, updated_at,
                                   status_changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?)
                ON CONFLICT DO NOTHING
                """,
                leads(tenant, slug, owners, sizes.leads(), base));
        loadDeals(tenant, slug, owners, sizes, base);
        activities.load(tenant, slug, sizes, base);
    }

    /** Deals over every stage of the default pipeline and a second "Renewals" pipeline. */
    private void loadDeals(UUID tenant, String slug, List<UUID> owners, Sizes sizes, Instant base) {
        UUID renewals = id(slug, "pipeline", 1);
        jdbc.update(
                "INSERT INTO pipelines (tenant_id, id, name) VALUES (?, ?, 'Renewals') ON CONFLICT DO NOTHING",
                tenant,
                renewals);
        Object[][] renewalStages = {
            {"Renewal due", 60, false, false},
            {"Negotiating", 80, false, false},
            {"Renewed", 100, true, true},
            {"Churned", 0, true, false}
        };
        for (int i = 0; i < renewalStages.length; i++) {
            Object[] st = renewalStages[i];
            jdbc.update(
                    """
                    INSERT INTO pipeline_stages (tenant_id, id, pipeline_id, name, position, probability, closed, won)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, id) DO NOTHING
                    """,
                    tenant,
                    id(slug, "renewal-stage", i),
                    renewals,
                    st[0],
                    i,
                    st[1],
                    st[2],
                    st[3]);
        }
        UUID sales = jdbc.queryForObject("SELECT id FROM pipelines WHERE is_default", UUID.class);
        UUID wonReason = jdbc.queryForObject(
                "SELECT id FROM deal_reasons WHERE kind = 'WON' AND active ORDER BY position LIMIT 1", UUID.class);
        UUID lostReason = jdbc.queryForObject(
                "SELECT id FROM deal_reasons WHERE kind = 'LOST' AND active ORDER BY position LIMIT 1", UUID.class);
        Map<UUID, List<Map<String, Object>>> stagesOf = new java.util.HashMap<>();
        for (UUID pipeline : List.of(sales, renewals)) {
            stagesOf.put(
                    pipeline,
                    jdbc.queryForList(
                            "SELECT id, probability, closed, won FROM pipeline_stages WHERE pipeline_id = ? ORDER BY position",
                            pipeline));
        }
        List<Object[]> deals = new ArrayList<>();
        for (int d = 0; d < sizes.deals(); d++) {
            UUID pipeline = d % 4 == 3 ? renewals : sales;
            List<Map<String, Object>> stages = stagesOf.get(pipeline);
            Map<String, Object> stage = stages.get(d % stages.size());
            boolean closed = (Boolean) stage.get("closed");
            boolean won = (Boolean) stage.get("won");
            String status = !closed ? "open" : won ? "won" : "lost";
            Instant created = base.plus(d * 5L, ChronoUnit.HOURS);
            int account = (d * 7) % sizes.accounts();
            deals.add(new Object[] {
                tenant,
                id(slug, "deal", d),
                (pipeline == renewals ? "Renewal " : "New business ") + (2026 + d % 2) + " #" + (d + 1),
                id(slug, "account", account),
                pipeline,
                stage.get("id"),
                new java.math.BigDecimal(5_000 + (d * 1_373) % 95_000),
                d % 5 == 0 ? "EUR" : "USD",
                status,
                java.sql.Date.valueOf(java.time.LocalDate.of(2026, 1, 15).plusDays(d * 3L)),
                Timestamp.from(created.plus(2, ChronoUnit.DAYS)),
                stage.get("probability"),
                status.equals("won") ? wonReason : null,
                status.equals("lost") ? lostReason : null,
                closed ? Timestamp.from(created.plus(20, ChronoUnit.DAYS)) : null,
                owners.get(d % owners.size()),
                Timestamp.from(created)
            });
        }
        jdbc.batchUpdate(
                """
                INSERT INTO deals (tenant_id, id, name, account_id, pipeline_id, stage_id, amount, currency, status,
                                   expected_close_date, stage_entered_at, probability, won_reason_id,
                                   lost_reason_id, closed_at, owner_id, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                ON CONFLICT DO NOTHING
                """,
                deals);
    }

    private static List<Object[]> leads(UUID tenant, String slug, List<UUID> owners, int count, Instant base) {
        List<Object[]> leads = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            String first = FIRST[(l * 5 + 3) % FIRST.length];
            String last = LAST[(l * 3 + 1) % LAST.length];
            String company = COMPANY_A[(l * 7) % COMPANY_A.length] + " " + LAST[l % LAST.length] + " Ltd";
            String status = LEAD_STATUSES[l % LEAD_STATUSES.length];
            Timestamp created = Timestamp.from(base.plus(l * 3L, ChronoUnit.HOURS));
            // Every twentieth lead is a referred CEO of a mid-sized US company: the default rules score it hot.
            boolean hot = l % 20 == 0;
            leads.add(new Object[] {
                tenant,
                id(slug, "lead", l),
                first,
                last,
                company,
                hot ? "CEO" : TITLES[l % TITLES.length],
                (ascii(first) + "@" + ascii(company).replace(' ', '-') + ".example").toLowerCase(Locale.ROOT),
                hot ? "referral" : SOURCES[l % SOURCES.length],
                status,
                status.equals("unqualified") ? "No budget this year" : null,
                hot ? "US" : COUNTRIES[l % COUNTRIES.length],
                hot ? "201-500" : SIZES[l % SIZES.length],
                owners.get(l % owners.size()),
                created,
                created
            });
        }
        return leads;
    }

    static UUID id(String slug, String kind, int n) {
        return UUID.nameUUIDFromBytes((slug + "/" + kind + "/" + n).getBytes(StandardCharsets.UTF_8));
    }

    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("[^\\p{ASCII}]", "");
    }
}
