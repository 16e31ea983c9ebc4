package io.salesflow.demo;

import io.salesflow.email.EmailTemplates;
import io.salesflow.sequence.Enrolments;
import io.salesflow.sequence.Sequence;
import io.salesflow.sequence.SequenceInput;
import io.salesflow.sequence.SequenceInput.StepInput;
import io.salesflow.sequence.SequenceInput.StopRulesInput;
import io.salesflow.sequence.SequenceInput.VariantInput;
import io.salesflow.sequence.Sequences;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two follow-up sequences in the demo workspace. One at work, with a few of the rep's leads and contacts in it at
 * different steps: some in the first day's wait, some moved on to the rep's research task before the A/B email. One
 * that has run: the introduction emails of the demo's message history ({@link DemoMessages}) were its A/B step, so
 * its figures show sends, opens, clicks and replies, and its enrolments ended (completed, or stopped by the reply).
 * Loading again changes nothing (each sequence is looked up by name first).
 */
@Component
class DemoSequences {

    static final String NAME = "Demo follow-up";
    static final String RAN = "Inbound introduction";
    private static final int LEADS = 4;
    private static final int CONTACTS = 2;
    /** The workspace's default sender, as an enrolment records it (EnrolmentStore). */
    private static final UUID DEFAULT_SENDER = new UUID(0, 0);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EmailTemplates templates;
    private final Sequences sequences;
    private final Enrolments enrolments;

    DemoSequences(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            EmailTemplates templates,
            Sequences sequences,
            Enrolments enrolments) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.templates = templates;
        this.sequences = sequences;
        this.enrolments = enrolments;
    }

    /**
     * For the current tenant: the sequences are sent for {@code rep}, whose leads and contacts are enrolled; the one
     * that ran is made of the rep's demo emails, so {@link DemoMessages} loads first.
     */
    void load(UUID rep) {
        if (!exists(NAME)) {
            loadAtWork(rep);
        }
        if (!exists(RAN)) {
            loadRan(rep);
        }
    }

    private boolean exists(String name) {
        Integer existing = transactions.execute(s -> jdbc.queryForObject(
                "SELECT count(*) FROM sequences WHERE name = ? AND NOT archived", Integer.class, name));
        return existing != null && existing > 0;
    }

    private void loadAtWork(UUID rep) {
        Sequence sequence = transactions.execute(s -> sequences.create(new SequenceInput(
                NAME,
                rep,
                null,
                false,
                new StopRulesInput(true, true, true, true),
                List.of(
                        new StepInput("wait", "P1D", null, List.of()),
                        new StepInput("task", "P1D", "Research the company before the first email", List.of()),
                        new StepInput(
                                "email",
                                "P3D",
                                null,
                                List.of(
                                        new VariantInput(
                                                70,
                                                followUp("short", "Quick follow-up, {{record.firstName}}"),
                                                null,
                                                null),
                                        new VariantInput(
                                                30,
                                                followUp("long", "{{record.firstName}}, three ideas for you"),
                                                null,
                                                null))),
                        new StepInput("task", "P2D", "Call if there is no answer", List.of())))));
        List<UUID> enrolled = new ArrayList<>();
        enrolled.addAll(enrol(sequence.id(), "lead", rep, LEADS));
        enrolled.addAll(enrol(sequence.id(), "contact", rep, CONTACTS));
        for (int i = 0; i < enrolled.size(); i += 2) {
            UUID enrolment = enrolled.get(i);
            transactions.executeWithoutResult(s -> enrolments.endWaitNow(sequence.id(), enrolment));
        }
    }

    /**
     * The one-email sequence that sent the rep's demo introduction emails, alternately variant A and B: each email's
     * lead an enrolment that completed two days later, or stopped when the lead replied; each email a send row
     * carrying its opens, clicks and reply, as the email events would have marked them.
     */
    private void loadRan(UUID rep) {
        Sequence sequence = transactions.execute(s -> sequences.create(new SequenceInput(
                RAN,
                rep,
                null,
                false,
                new StopRulesInput(true, true, true, true),
                List.of(new StepInput(
                        "email",
                        "P2D",
                        null,
                        List.of(
                                new VariantInput(50, introduction("call", "{{record.company}} and Acme"), null, null),
                                new VariantInput(
                                        50,
                                        introduction("question", "Quick question, {{record.firstName}}"),
                                        null,
                                        null)))))));
        transactions.executeWithoutResult(s -> jdbc.update(
                """
                WITH sent AS (
                    SELECT e.id AS email_id, e.record_id, e.sent_at, e.first_opened_at, e.first_clicked_at,
                        (SELECT min(r.created_at) FROM emails r
                         WHERE r.direction = 'inbound' AND r.in_reply_to = e.message_id) AS replied_at,
                        row_number() OVER (ORDER BY e.sent_at, e.id) AS n
                    FROM emails e
                    WHERE e.created_by = ? AND e.direction = 'outbound' AND e.status = 'sent'
                        AND e.record_type = 'lead' AND e.sent_at IS NOT NULL
                ), enrolled AS (
                    INSERT INTO sequence_enrolments (id, sequence_id, record_type, record_id, mailbox_key, exclusive,
                        status, stop_reason, current_step, source, enrolled_by, enrolled_at, ended_at)
                    SELECT md5(? || email_id::text)::uuid, ?, 'lead', record_id, ?, true,
                        CASE WHEN replied_at IS NULL THEN 'completed' ELSE 'stopped' END,
                        CASE WHEN replied_at IS NULL THEN NULL ELSE 'replied' END,
                        0, 'manual', ?, sent_at - interval '10 minutes',
                        coalesce(replied_at, least(sent_at + interval '2 days', now()))
                    FROM sent
                    RETURNING id, record_id
                )
                INSERT INTO sequence_sends (id, sequence_id, enrolment_id, position, variant, channel, status, email_id,
                    sent_at, opened_at, clicked_at, replied_at)
                SELECT md5('send' || sent.email_id::text)::uuid, ?, enrolled.id, 0,
                    CASE WHEN sent.n % 2 = 1 THEN 'A' ELSE 'B' END, 'email', 'queued', sent.email_id,
                    sent.sent_at, sent.first_opened_at, sent.first_clicked_at, sent.replied_at
                FROM sent JOIN enrolled ON enrolled.id = md5(? || sent.email_id::text)::uuid
                """,
                rep,
                sequence.id().toString(),
                sequence.id(),
                DEFAULT_SENDER,
                rep,
                sequence.id(),
                sequence.id().toString()));
    }

    private UUID template(String name, String subject, String body) {
        return transactions
                .execute(s -> templates.create(name, new EmailTemplates.Parts(subject, null, body)))
                .id();
    }

    private UUID followUp(String kind, String subject) {
        return template(
                "Demo follow-up (" + kind + ")",
                subject,
                "Hello {{record.firstName}},\n\nfollowing up on our conversation: shall we find half an hour next"
                        + " week?\n\n{{owner.name}}");
    }

    private UUID introduction(String kind, String subject) {
        return template(
                "Inbound introduction (" + kind + ")",
                subject,
                "Hi {{record.firstName}},\n\nthanks for your interest in Acme. Would a 20-minute call this week help"
                        + " to see whether we fit?\n\n{{owner.name}}");
    }

    /** Enrols up to {@code count} of the rep's reachable records; the enrolments made. */
    private List<UUID> enrol(UUID sequence, String type, UUID rep, int count) {
        String sql = "lead".equals(type)
                ? "SELECT id FROM leads WHERE owner_id = ? AND email IS NOT NULL AND status IN ('new', 'contacted')"
                        + " AND deleted_at IS NULL ORDER BY created_at DESC, id LIMIT ?"
                : "SELECT id FROM contacts WHERE owner_id = ? AND email IS NOT NULL AND email_opt_in AND status = 'active'"
                        + " AND deleted_at IS NULL ORDER BY created_at DESC, id LIMIT ?";
        List<UUID> records = transactions.execute(s -> jdbc.queryForList(sql, UUID.class, rep, count * 3));
        List<UUID> made = new ArrayList<>();
        for (UUID record : records) {
            if (made.size() == count) {
                break;
            }
            boolean ok = Boolean.TRUE.equals(transactions.execute(
                    s -> enrolments.enrolFor(sequence, type, record, "manual").isEmpty()));
            if (ok) {
                made.add(transactions.execute(s -> jdbc.queryForObject(
                        "SELECT id FROM sequence_enrolments WHERE sequence_id = ? AND record_id = ? AND status = 'active'",
                        UUID.class,
                        sequence,
                        record)));
            }
        }
        return made;
    }
}
