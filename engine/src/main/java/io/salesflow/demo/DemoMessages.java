package io.salesflow.demo;

import io.salesflow.email.EmailTemplates;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messages a worked demo workspace has: email templates ops edit and processes send, and a history of emails on the reps'
 * leads and text messages with their contacts (sent, opened, clicked, answered) so timelines and the Emails tab show real
 * conversations. The demo has no mail server or Twilio account: this is history, inserted as it would have been
 * stored; what is sent from now on waits in the outbox until an admin sets a sender up. Ids are deterministic and
 * rows inserted with {@code ON CONFLICT DO NOTHING}.
 */
@Component
class DemoMessages {

    private static final Map<String, EmailTemplates.Parts> TEMPLATES = Map.of(
            "Introduction",
            new EmailTemplates.Parts(
                    "{{record.company}} and Acme",
                    "<p>Hi {{record.firstName}},</p><p>thanks for your interest in Acme. Would a 20-minute call this"
                            + " week help to see whether we fit?</p><p>{{sender.name}}</p>",
                    "Hi {{record.firstName}},\n\nthanks for your interest in Acme. Would a 20-minute call this week"
                            + " help to see whether we fit?\n\n{{sender.name}}"),
            "Follow-up after the demo",
            new EmailTemplates.Parts(
                    "Your Acme demo, {{record.firstName}}",
                    "<p>Hi {{record.firstName}},</p><p>here is the recording of our demo and the pricing we"
                            + " discussed. Happy to answer any question.</p><p>{{sender.name}}</p>",
                    null),
            "Meeting recap",
            new EmailTemplates.Parts(
                    "Recap of our meeting",
                    null,
                    "Hi {{record.firstName}},\n\nas agreed: a pilot with 20 seats, then the full contract.\n\n"
                            + "{{sender.name}}"));

    private static final String[] SUBJECTS = {
        "Analytical Engines and Acme", "Your Acme demo", "Pricing for 50 seats", "Next steps", "Quick question"
    };

    private final EmailTemplates templates;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoMessages(EmailTemplates templates, JdbcTemplate jdbc, Clock clock) {
        this.templates = templates;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    void load(String slug, UUID rep) {
        TEMPLATES.forEach((name, parts) -> {
            Integer taken =
                    jdbc.queryForObject("SELECT count(*) FROM email_templates WHERE name = ?", Integer.class, name);
            if (taken == null || taken == 0) {
                templates.create(name, parts);
            }
        });
        List<Map<String, Object>> leads = jdbc.queryForList(
                "SELECT id, first_name, last_name, email, phone FROM leads WHERE owner_id = ? AND deleted_at IS NULL"
                        + " AND email IS NOT NULL ORDER BY id LIMIT 12",
                rep);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        List<Object[]> emails = new ArrayList<>();
        List<Object[]> texts = new ArrayList<>();
        for (int n = 0; n < leads.size(); n++) {
            Map<String, Object> lead = leads.get(n);
            UUID leadId = (UUID) lead.get("id");
            Instant sent = now.minus(2L + n, ChronoUnit.DAYS).minus(n * 37L, ChronoUnit.MINUTES);
            UUID emailId = id(slug, "email", n);
            String messageId = "<" + emailId + "@" + slug + ".test>";
            String subject = SUBJECTS[n % SUBJECTS.length];
            int opens = n % 4 == 3 ? 0 : 1 + n % 3;
            int clicks = n % 3 == 0 ? 1 : 0;
            emails.add(new Object[] {
                emailId,
                "outbound",
                "sent",
                messageId,
                null,
                token(emailId),
                "sales@" + slug + ".test",
                "Rita Rep",
                new String[] {(String) lead.get("email")},
                subject,
                "Hi " + lead.get("first_name") + ",\n\nthanks for your interest in Acme. Would a 20-minute call this"
                        + " week help?\n\nRita",
                leadId,
                Timestamp.from(sent),
                Timestamp.from(sent.plusSeconds(4)),
                1,
                rep,
                opens,
                opens == 0 ? null : Timestamp.from(sent.plus(2, ChronoUnit.HOURS)),
                opens == 0 ? null : Timestamp.from(sent.plus(2L + opens, ChronoUnit.HOURS)),
                clicks,
                clicks == 0 ? null : Timestamp.from(sent.plus(3, ChronoUnit.HOURS)),
                clicks == 0 ? null : Timestamp.from(sent.plus(3, ChronoUnit.HOURS))
            });
            if (n % 4 == 1) {
                UUID replyId = id(slug, "reply", n);
                emails.add(new Object[] {
                    replyId,
                    "inbound",
                    "received",
                    "<" + replyId + "@mail.example>",
                    messageId,
                    null,
                    lead.get("email"),
                    lead.get("first_name") + " " + lead.get("last_name"),
                    new String[] {"sales@" + slug + ".test"},
                    "Re: " + subject,
                    "Thanks Rita, Thursday at 10 works for us. Could you send the pricing beforehand?",
                    leadId,
                    Timestamp.from(sent.plus(5, ChronoUnit.HOURS)),
                    null,
                    0,
                    null,
                    0,
                    null,
                    null,
                    0,
                    null,
                    null
                });
            }
        }
        List<Map<String, Object>> contacts = jdbc.queryForList(
                "SELECT id, first_name, phone FROM contacts WHERE owner_id = ? AND deleted_at IS NULL"
                        + " AND phone IS NOT NULL ORDER BY id LIMIT 4",
                rep);
        for (int n = 0; n < contacts.size(); n++) {
            Map<String, Object> contact = contacts.get(n);
            String phone = (String) contact.get("phone");
            Instant texted = now.minus(1L + n, ChronoUnit.DAYS);
            texts.add(new Object[] {
                id(slug, "text", n),
                "outbound",
                n == 3 ? "read" : "delivered",
                sid(slug, n),
                phone,
                "+14155550100",
                "Hi " + contact.get("first_name") + ", Rita from Acme here. Is now a good time for a quick call?",
                contact.get("id"),
                rep,
                Timestamp.from(texted)
            });
            if (n == 1) {
                texts.add(new Object[] {
                    id(slug, "text-reply", n),
                    "inbound",
                    "received",
                    sid(slug, 100 + n),
                    "+14155550100",
                    phone,
                    "Tomorrow morning works better, thanks!",
                    contact.get("id"),
                    null,
                    Timestamp.from(texted.plus(20, ChronoUnit.MINUTES))
                });
            }
        }
        jdbc.batchUpdate(
                """
                INSERT INTO emails (id, direction, status, message_id, in_reply_to, reply_token, from_address,
                    from_name, to_addresses, subject, body_text, record_type, record_id, created_at, sent_at,
                    attempts, created_by, open_count, first_opened_at, last_opened_at, click_count,
                    first_clicked_at, last_clicked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'lead', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """,
                emails);
        jdbc.batchUpdate(
                """
                INSERT INTO text_messages (id, direction, channel, status, message_sid, to_number, from_number, body,
                    record_type, record_id, sent_by, created_at, status_changed_at)
                VALUES (?, ?, 'sms', ?, ?, ?, ?, ?, 'contact', ?, ?, ?, now())
                ON CONFLICT DO NOTHING
                """,
                texts);
    }

    private static UUID id(String slug, String kind, int n) {
        return UUID.nameUUIDFromBytes(("demo-" + kind + "-" + slug + "-" + n).getBytes());
    }

    private static String token(UUID id) {
        return id.toString().replace("-", "").substring(0, 26);
    }

    private static String sid(String slug, int n) {
        return "SM" + id(slug, "sid", n).toString().replace("-", "");
    }
}
