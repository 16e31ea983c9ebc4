package io.salesflow.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Activities and notes over a demo workspace's deals, leads and contacts: done ones with outcomes, open ones due
 * soon, some overdue, some cancelled, and notes that mention colleagues. Ids are deterministic and rows inserted
 * with {@code ON CONFLICT DO NOTHING}; open activities are due relative to the day of the first load, so the
 * demo always has upcoming and overdue work.
 */
@Component
class DemoActivities {

    private static final String[] TYPES = {"call", "email", "meeting", "task", "call", "deadline", "email", "task"};
    private static final String[] PRIORITIES = {"normal", "normal", "high", "low", "urgent", "normal"};
    private static final String[] CALL_OUTCOMES = {"connected", "left_voicemail", "no_answer", "connected", "busy"};
    private static final String[] NOTE_BODIES = {
        "Budget is approved for this quarter. Next step: **security review** with their IT team.",
        "They compared us with two competitors; pricing is not the blocker, *onboarding time* is.",
        "Champion moves to a new role in March. We need a second contact in procurement.",
        "Asked for a reference customer in their industry:\n\n- similar size\n- same ERP",
        "Legal sent redlines on the liability clause; waiting for our counsel.",
        "Great demo. They want a pilot with 20 seats before signing the full contract."
    };

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoActivities(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What an activity or note is about: its links, a name to write about, and the owner of the record. */
    private record Subject(UUID account, UUID contact, UUID lead, UUID deal, String name, UUID owner) {}

    void load(UUID tenant, String slug, DemoRecords.Sizes sizes, Instant base) {
        List<Subject> subjects = subjects(slug, sizes);
        if (subjects.isEmpty()) {
            return;
        }
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS);
        List<Object[]> activities = new ArrayList<>();
        for (int n = 0; n < sizes.activities(); n++) {
            activities.add(activity(tenant, slug, n, subjects.get(n % subjects.size()), base, today));
        }
        jdbc.batchUpdate(
                """
                INSERT INTO activities (tenant_id, id, type, subject, due_at, start_at, end_at, duration_minutes,
                                        status, completed_at, outcome, priority, account_id, contact_id, lead_id,
                                        deal_id, owner_id, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                ON CONFLICT DO NOTHING
                """,
                activities);
        loadNotes(tenant, slug, sizes.notes(), subjects, base);
    }

    private static Object[] activity(UUID tenant, String slug, int n, Subject about, Instant base, Instant today) {
        String type = TYPES[n % TYPES.length];
        int phase = n % 10;
        String status =
                phase <= 3 || phase == 9 ? "completed" : phase <= 5 ? "pending" : phase <= 7 ? "overdue" : "cancelled";
        Instant due =
                switch (status) {
                    case "pending" -> today.plus(1 + n % 30, ChronoUnit.DAYS);
                    case "overdue" -> today.minus(1 + n % 14, ChronoUnit.DAYS);
                    default -> base.plus(n * 6L, ChronoUnit.HOURS);
                };
        boolean meeting = type.equals("meeting");
        Integer minutes = null;
        if (meeting) {
            minutes = 30 + 30 * (n / TYPES.length % 2);
        } else if (type.equals("call")) {
            minutes = 5 + n % 26;
        }
        Instant completed = status.equals("completed") ? due : null;
        return new Object[] {
            tenant,
            DemoRecords.id(slug, "activity", n),
            type,
            subject(type, about.name(), n),
            ts(due),
            meeting ? ts(due) : null,
            meeting ? ts(due.plus(minutes, ChronoUnit.MINUTES)) : null,
            minutes,
            status,
            ts(completed),
            completed == null ? null : outcome(type, n),
            PRIORITIES[n % PRIORITIES.length],
            about.account(),
            about.contact(),
            about.lead(),
            about.deal(),
            about.owner(),
            ts(
                    status.equals("completed") || status.equals("cancelled")
                            ? due.minus(2, ChronoUnit.DAYS)
                            : today.minus(20, ChronoUnit.DAYS))
        };
    }

    private static String subject(String type, String name, int n) {
        return switch (type) {
            case "call" -> (n / TYPES.length % 2 == 0 ? "Discovery call with " : "Follow-up call with ") + name;
            case "email" -> (n / TYPES.length % 2 == 0 ? "Sent proposal to " : "Intro email to ") + name;
            case "meeting" -> (n / TYPES.length % 2 == 0 ? "Product demo for " : "Kick-off meeting with ") + name;
            case "task" -> (n / TYPES.length % 2 == 0 ? "Prepare quote for " : "Send case studies to ") + name;
            default -> (n / TYPES.length % 2 == 0 ? "Contract renewal deadline: " : "RFP submission due: ") + name;
        };
    }

    private static String outcome(String type, int n) {
        return switch (type) {
            case "call" -> CALL_OUTCOMES[n % CALL_OUTCOMES.length];
            case "email" -> n % 3 == 0 ? "replied" : "sent";
            case "meeting" ->
                n / TYPES.length % 2 == 0 ? "Next step agreed: pilot proposal" : "Needs a second demo for IT";
            default -> "done";
        };
    }

    /** Notes on the same subjects; every third mentions the next colleague, by editor token or by email. */
    private void loadNotes(UUID tenant, String slug, int count, List<Subject> subjects, Instant base) {
        Map<UUID, String[]> users = new HashMap<>();
        List<UUID> byEmail = new ArrayList<>();
        jdbc.query("SELECT id, display_name, email FROM users WHERE status = 'ACTIVE' ORDER BY email", rs -> {
            users.put(rs.getObject(1, UUID.class), new String[] {rs.getString(2), rs.getString(3)});
            byEmail.add(rs.getObject(1, UUID.class));
        });
        List<Object[]> notes = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Subject about = subjects.get((n * 7) % subjects.size());
            String body = NOTE_BODIES[n % NOTE_BODIES.length];
            UUID[] mentions = new UUID[0];
            // Colleagues taken in turn by email, not by random id, so every demo user is mentioned somewhere.
            UUID colleague = byEmail.isEmpty() ? null : byEmail.get((n / 3) % byEmail.size());
            String[] user = users.get(colleague);
            if (n % 3 == 0 && user != null && !colleague.equals(about.owner())) {
                body += n % 2 == 0
                        ? "\n\n@[" + user[0] + "](user:" + colleague + ") can you take the follow-up?"
                        : "\n\ncc @" + user[1];
                mentions = new UUID[] {colleague};
            }
            notes.add(new Object[] {
                tenant,
                DemoRecords.id(slug, "note", n),
                body,
                n % 9 == 0,
                mentions,
                about.account(),
                about.contact(),
                about.lead(),
                about.deal(),
                about.owner(),
                ts(base.plus(n * 20L, ChronoUnit.HOURS))
            });
        }
        jdbc.batchUpdate(
                """
                INSERT INTO notes (tenant_id, id, body, pinned, mentions, account_id, contact_id, lead_id, deal_id,
                                   owner_id, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                ON CONFLICT DO NOTHING
                """,
                notes);
    }

    /** The demo deals (with their accounts), leads and contacts that still exist, interleaved. */
    private List<Subject> subjects(String slug, DemoRecords.Sizes sizes) {
        List<Subject> deals = jdbc.query(
                """
                SELECT d.id, d.account_id, d.owner_id, coalesce(a.name, d.name) AS name,
                       (SELECT c.id FROM contacts c WHERE c.account_id = d.account_id ORDER BY c.created_at, c.id
                        LIMIT 1) AS contact_id
                FROM deals d LEFT JOIN accounts a ON a.id = d.account_id
                WHERE d.id = ANY (?) ORDER BY d.created_at, d.id
                """,
                (rs, i) -> new Subject(
                        rs.getObject("account_id", UUID.class),
                        rs.getObject("contact_id", UUID.class),
                        null,
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getObject("owner_id", UUID.class)),
                (Object) ids(slug, "deal", sizes.deals()));
        List<Subject> leads = jdbc.query(
                """
                SELECT id, owner_id, concat_ws(' ', first_name, last_name) || coalesce(' (' || company || ')', '') AS name
                FROM leads WHERE id = ANY (?) AND status <> 'converted' ORDER BY created_at, id
                """,
                (rs, i) -> new Subject(
                        null,
                        null,
                        rs.getObject("id", UUID.class),
                        null,
                        rs.getString("name"),
                        rs.getObject("owner_id", UUID.class)),
                (Object) ids(slug, "lead", sizes.leads()));
        List<Subject> contacts = jdbc.query(
                """
                SELECT c.id, c.account_id, c.owner_id, concat_ws(' ', c.first_name, c.last_name) AS name
                FROM contacts c WHERE c.id = ANY (?) ORDER BY c.created_at, c.id
                """,
                (rs, i) -> new Subject(
                        rs.getObject("account_id", UUID.class),
                        rs.getObject("id", UUID.class),
                        null,
                        null,
                        rs.getString("name"),
                        rs.getObject("owner_id", UUID.class)),
                (Object) ids(slug, "contact", sizes.accounts() * sizes.contactsPerAccount()));
        List<Subject> all = new ArrayList<>();
        int rounds = Math.max(deals.size(), Math.max(leads.size(), contacts.size()));
        for (int i = 0; i < rounds; i++) {
            for (List<Subject> kind : List.of(deals, leads, contacts)) {
                if (i < kind.size()) {
                    all.add(kind.get(i));
                }
            }
        }
        return all;
    }

    private static UUID[] ids(String slug, String kind, int count) {
        return IntStream.range(0, count)
                .mapToObj(n -> DemoRecords.id(slug, kind, n))
                .toArray(UUID[]::new);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
