package io.salesflow.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Leads as web forms and lead ads send them: common first and last names, companies with their own domains and
 * some on free mail, countries weighted towards the markets served, a spread of titles and sources, and about 3 %
 * true duplicates (a lead sent again as it was, the way a form is submitted twice). Seeded, so runs compare.
 */
final class LeadGenerator {

    static final double DUPLICATE_SHARE = 0.03;

    private static final String[] FIRST = {
        "Anna", "Ben", "Clara", "David", "Emma", "Felix", "Grace", "Hugo", "Ines", "Jonas", "Karin", "Liam", "Maria",
        "Noah", "Olivia", "Paul", "Quinn", "Rosa", "Sam", "Tara", "Umar", "Vera", "William", "Xenia", "Yusuf", "Zoe",
        "Ahmed", "Bianca", "Carlos", "Daniela", "Erik", "Fatima", "Giulia", "Hannah", "Igor", "Julia", "Kenji", "Lucia",
        "Mateo", "Nina", "Oscar", "Priya", "Rahul", "Sofia", "Thomas", "Ulla", "Victor", "Wei", "Yara"
    };
    private static final String[] LAST = {
        "Smith",
        "Müller",
        "Garcia",
        "Rossi",
        "Dubois",
        "Johnson",
        "Schmidt",
        "Martin",
        "Novak",
        "Kowalski",
        "Jensen",
        "Nielsen",
        "Silva",
        "Santos",
        "Brown",
        "Wilson",
        "Taylor",
        "Anderson",
        "Thomas",
        "Moore",
        "Schneider",
        "Fischer",
        "Weber",
        "Meyer",
        "Wagner",
        "Becker",
        "Lopez",
        "Gonzalez",
        "Fernandez",
        "Bianchi",
        "Romano",
        "Colombo",
        "Lefebvre",
        "Moreau",
        "Laurent",
        "Tanaka",
        "Suzuki",
        "Kim",
        "Lee",
        "Chen",
        "Wang",
        "Singh",
        "Patel",
        "Kumar",
        "O'Brien",
        "Murphy",
        "Walsh",
        "de Vries",
        "van Dijk",
        "Bakker",
        "Andersson"
    };
    private static final String[] COMPANY_WORDS = {
        "Northwind", "Contoso", "Fabrikam", "Initech", "Globex", "Umbrella", "Stark", "Wayne", "Acme", "Hooli",
        "Vandelay", "Soylent", "Tyrell", "Cyberdyne", "Wonka", "Gringotts", "Oceanic", "Massive", "Aperture",
                "Black Mesa",
        "Blue Sun", "Monarch", "Pied Piper", "Prestige", "Sterling", "Dunder", "Bluth", "Rekall", "Vehement", "Zorg"
    };
    private static final String[] COMPANY_KINDS = {
        "Logistics",
        "Systems",
        "Analytics",
        "Foods",
        "Health",
        "Energy",
        "Software",
        "Consulting",
        "Retail",
        "Media",
        "Bank",
        "Insurance",
        "Labs",
        "Robotics",
        "Travel",
        "Studios"
    };
    private static final String[] LEGAL = {"GmbH", "Ltd", "Inc.", "S.A.", "B.V.", "AB", "SE", "LLC", ""};
    private static final String[] FREE_MAIL = {"gmail.com", "outlook.com", "yahoo.com", "web.de", "hotmail.com"};
    private static final String[] TITLES = {
        "CEO", "CTO", "Chief Revenue Officer", "VP Sales", "Head of Marketing", "Director IT", "Sales Manager",
        "Account Executive", "Operations Manager", "Procurement Lead", "Software Engineer", "Consultant", "Student", ""
    };
    /** Countries with weights: the markets served most, then the rest of the world. */
    private static final String[] COUNTRIES = {
        "US", "US", "US", "DE", "DE", "GB", "GB", "FR", "NL", "CA", "IE", "ES", "IT", "SE", "PL", "BR", "IN", "JP",
        "AU", "CH", "AT"
    };

    private static final String[] SOURCES = {"web_form", "web_form", "web_form", "event", "referral", "partner"};

    private final Random random;
    private final String run;
    private final Map<Integer, Map<String, Object>> recent = new LinkedHashMap<>();
    private int sequence;

    LeadGenerator(long seed, String run) {
        this.random = new Random(seed);
        this.run = run;
    }

    /** The next lead's JSON body. Thread-safe. */
    synchronized Map<String, Object> next() {
        if (sequence > 20 && random.nextDouble() < DUPLICATE_SHARE) {
            return recent.get(sequence - 1 - random.nextInt(Math.min(sequence - 1, 1000)));
        }
        int n = sequence++;
        String first = pick(FIRST);
        String last = pick(LAST);
        String company = pick(COMPANY_WORDS) + " " + pick(COMPANY_KINDS);
        String legal = pick(LEGAL);
        String domain = random.nextInt(10) < 2
                ? pick(FREE_MAIL)
                : company.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-") + ".example";
        String local = (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]+", "") + "." + run + n;
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("firstName", first);
        lead.put("lastName", last);
        lead.put("company", legal.isEmpty() ? company : company + " " + legal);
        String title = pick(TITLES);
        if (!title.isEmpty()) {
            lead.put("title", title);
        }
        lead.put("email", local + "@" + domain);
        lead.put("country", pick(COUNTRIES));
        lead.put("source", pick(SOURCES));
        recent.put(n, lead);
        recent.remove(n - 1001);
        return lead;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
