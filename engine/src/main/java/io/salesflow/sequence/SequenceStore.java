package io.salesflow.sequence;

import io.salesflow.sequence.Sequence.Step;
import io.salesflow.sequence.Sequence.StopRules;
import io.salesflow.sequence.Sequence.Variant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The sequences, their steps and variants, in SQL. A save replaces the steps whole. */
@Component
class SequenceStore {

    private final JdbcTemplate jdbc;

    SequenceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Sequence> find(UUID id, boolean lock) {
        return find(id, lock, false);
    }

    /** Archived too: the enrolments running when a sequence was archived run to their end. */
    Optional<Sequence> findEvenArchived(UUID id) {
        return find(id, false, true);
    }

    private Optional<Sequence> find(UUID id, boolean lock, boolean archivedToo) {
        List<Sequence> heads = jdbc.query(
                "SELECT * FROM sequences WHERE id = ?" + (archivedToo ? "" : " AND NOT archived")
                        + (lock ? " FOR UPDATE" : ""),
                (rs, i) -> head(rs, List.of()),
                id);
        if (heads.isEmpty()) {
            return Optional.empty();
        }
        Sequence head = heads.get(0);
        return Optional.of(withSteps(head, steps(id)));
    }

    /** A page of sequences by name after the cursor (name, id), each with its steps: at most {@code limit} + 1. */
    List<Sequence> page(String afterName, UUID afterId, int limit) {
        List<Sequence> heads = afterName == null
                ? jdbc.query(
                        "SELECT * FROM sequences WHERE NOT archived ORDER BY lower(name), id LIMIT ?",
                        (rs, i) -> head(rs, List.of()),
                        limit + 1)
                : jdbc.query(
                        "SELECT * FROM sequences WHERE NOT archived AND (lower(name), id) > (lower(?), ?)"
                                + " ORDER BY lower(name), id LIMIT ?",
                        (rs, i) -> head(rs, List.of()),
                        afterName,
                        afterId,
                        limit + 1);
        return heads.stream().map(h -> withSteps(h, steps(h.id()))).toList();
    }

    private List<Step> steps(UUID sequenceId) {
        Map<Integer, List<Variant>> variants = new LinkedHashMap<>();
        jdbc.query(
                "SELECT * FROM sequence_variants WHERE sequence_id = ? ORDER BY position, label",
                rs -> {
                    variants.computeIfAbsent(rs.getInt("position"), p -> new ArrayList<>())
                            .add(new Variant(
                                    rs.getString("label"),
                                    rs.getInt("weight"),
                                    rs.getObject("email_template_id", UUID.class),
                                    rs.getString("sms_body"),
                                    rs.getString("whatsapp_content_sid")));
                },
                sequenceId);
        return jdbc.query(
                "SELECT * FROM sequence_steps WHERE sequence_id = ? ORDER BY position",
                (rs, i) -> new Step(
                        rs.getInt("position"),
                        rs.getString("kind"),
                        rs.getString("wait"),
                        rs.getString("task_name"),
                        variants.getOrDefault(rs.getInt("position"), List.of())),
                sequenceId);
    }

    private static Sequence withSteps(Sequence head, List<Step> steps) {
        return new Sequence(
                head.id(),
                head.name(),
                head.senderId(),
                head.mailboxId(),
                head.allowConcurrent(),
                head.stopRules(),
                steps,
                head.createdAt(),
                head.updatedAt(),
                head.version());
    }

    private static Sequence head(ResultSet rs, List<Step> steps) throws SQLException {
        return new Sequence(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getObject("sender_id", UUID.class),
                rs.getObject("mailbox_id", UUID.class),
                rs.getBoolean("allow_concurrent"),
                new StopRules(
                        rs.getBoolean("stop_on_reply"),
                        rs.getBoolean("stop_on_bounce"),
                        rs.getBoolean("stop_on_unsubscribe"),
                        rs.getBoolean("stop_on_meeting")),
                steps,
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }

    boolean nameTaken(String name, UUID except) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM sequences WHERE lower(name) = lower(?) AND NOT archived AND id <> ?)",
                Boolean.class,
                name,
                except));
    }

    void insert(UUID id, SequenceInput input) {
        jdbc.update(
                "INSERT INTO sequences (id, name, sender_id, mailbox_id, allow_concurrent, stop_on_reply,"
                        + " stop_on_bounce, stop_on_unsubscribe, stop_on_meeting) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                input.name().strip(),
                input.senderId(),
                input.mailboxId(),
                input.allowConcurrent(),
                input.stopRules().reply(),
                input.stopRules().bounce(),
                input.stopRules().unsubscribe(),
                input.stopRules().meeting());
        insertSteps(id, input.steps());
    }

    /** Replaces the sequence's fields and steps; the caller holds its row lock. */
    void update(UUID id, SequenceInput input) {
        jdbc.update(
                "UPDATE sequences SET name = ?, sender_id = ?, mailbox_id = ?, allow_concurrent = ?, stop_on_reply = ?,"
                        + " stop_on_bounce = ?, stop_on_unsubscribe = ?, stop_on_meeting = ?, version = version + 1,"
                        + " updated_at = now() WHERE id = ?",
                input.name().strip(),
                input.senderId(),
                input.mailboxId(),
                input.allowConcurrent(),
                input.stopRules().reply(),
                input.stopRules().bounce(),
                input.stopRules().unsubscribe(),
                input.stopRules().meeting(),
                id);
        jdbc.update("DELETE FROM sequence_steps WHERE sequence_id = ?", id);
        insertSteps(id, input.steps());
    }

    private void insertSteps(UUID id, List<SequenceInput.StepInput> steps) {
        for (int i = 0; i < steps.size(); i++) {
            SequenceInput.StepInput step = steps.get(i);
            int position = i + 1;
            jdbc.update(
                    "INSERT INTO sequence_steps (sequence_id, position, kind, wait, task_name) VALUES (?, ?, ?, ?, ?)",
                    id,
                    position,
                    step.kind(),
                    step.waitFor(),
                    "task".equals(step.kind()) ? step.taskName().strip() : null);
            List<SequenceInput.VariantInput> variants = step.variants() == null ? List.of() : step.variants();
            for (int v = 0; v < variants.size(); v++) {
                SequenceInput.VariantInput variant = variants.get(v);
                jdbc.update(
                        "INSERT INTO sequence_variants (sequence_id, position, label, weight, email_template_id,"
                                + " sms_body, whatsapp_content_sid) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        id,
                        position,
                        String.valueOf((char) ('A' + v)),
                        variant.weight() == null ? 1 : variant.weight(),
                        "email".equals(step.kind()) ? variant.emailTemplateId() : null,
                        "sms".equals(step.kind()) ? variant.smsBody() : null,
                        "whatsapp".equals(step.kind()) ? variant.whatsappContentSid() : null);
            }
        }
    }

    boolean archive(UUID id) {
        return jdbc.update("UPDATE sequences SET archived = true, updated_at = now() WHERE id = ? AND NOT archived", id)
                == 1;
    }
}
