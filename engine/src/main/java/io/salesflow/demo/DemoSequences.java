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
 * One follow-up sequence in the demo workspace, with a few of the rep's leads and contacts in it at different steps:
 * some in the first day's wait, some moved on to the rep's research task before the A/B email. Loading
 * again changes nothing (the sequence is looked up by name first).
 */
@Component
class DemoSequences {

    static final String NAME = "Demo follow-up";
    private static final int LEADS = 4;
    private static final int CONTACTS = 2;

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

    /** For the current tenant: the sequence is sent for {@code rep}, whose leads and contacts are enrolled. */
    void load(UUID rep) {
        Integer existing = transactions.execute(s -> jdbc.queryForObject(
                "SELECT count(*) FROM sequences WHERE name = ? AND NOT archived", Integer.class, NAME));
        if (existing != null && existing > 0) {
            return;
        }
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
                                                template("short", "Quick follow-up, {{record.firstName}}"),
                                                null,
                                                null),
                                        new VariantInput(
                                                30,
                                                template("long", "{{record.firstName}}, three ideas for you"),
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

    private UUID template(String kind, String subject) {
        return transactions
                .execute(s -> templates.create(
                        "Demo follow-up (" + kind + ")",
                        new EmailTemplates.Parts(
                                subject,
                                null,
                                "Hello {{record.firstName}},\n\nfollowing up on our conversation: shall we find half"
                                        + " an hour next week?\n\n{{owner.name}}")))
                .id();
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
