package io.salesflow.sequence;

import io.salesflow.email.EmailBounced;
import io.salesflow.email.EmailClicked;
import io.salesflow.email.EmailFailed;
import io.salesflow.email.EmailOpened;
import io.salesflow.platform.problem.Problem;
import io.salesflow.tenancy.TenantScope;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of a sequence per step and variant, counted over its send rows (one index range of one sequence), and
 * the email events that move them: opened, clicked, failed and bounced are marked on the send of that email.
 * Replied, bounced and unsubscribed as stops are marked when an enrolment stops.
 */
@Service
public class SequenceFigures {

    /**
     * One step's variant: {@code delivered} is what was sent and neither failed nor bounced.
     *
     * @param sent messages queued (a suppressed or opted-out record got none)
     */
    @Schema(name = "SequenceVariantFigures")
    public record VariantFigures(
            int position,
            String variant,
            String channel,
            long sent,
            long delivered,
            long opened,
            long clicked,
            long replied,
            long bounced,
            long unsubscribed,
            long notSent) {}

    private final JdbcTemplate jdbc;
    private final EnrolmentStore sends;
    private final SequenceStore sequences;
    private final TenantScope tenants;

    SequenceFigures(JdbcTemplate jdbc, EnrolmentStore sends, SequenceStore sequences, TenantScope tenants) {
        this.jdbc = jdbc;
        this.sends = sends;
        this.sequences = sequences;
        this.tenants = tenants;
    }

    @Transactional(readOnly = true)
    public List<VariantFigures> of(UUID sequenceId) {
        sequences.findEvenArchived(sequenceId).orElseThrow(() -> Problem.notFound("Sequence", sequenceId));
        return jdbc.query(
                """
                SELECT position, variant, min(channel) AS channel,
                    count(*) FILTER (WHERE status = 'queued') AS sent,
                    count(*) FILTER (WHERE status = 'queued' AND failed_at IS NULL AND bounced_at IS NULL) AS delivered,
                    count(opened_at) AS opened, count(clicked_at) AS clicked, count(replied_at) AS replied,
                    count(bounced_at) AS bounced, count(unsubscribed_at) AS unsubscribed,
                    count(*) FILTER (WHERE status <> 'queued') AS not_sent
                FROM sequence_sends WHERE sequence_id = ?
                GROUP BY position, variant ORDER BY position, variant
                """,
                (rs, i) -> new VariantFigures(
                        rs.getInt("position"),
                        rs.getString("variant"),
                        rs.getString("channel"),
                        rs.getLong("sent"),
                        rs.getLong("delivered"),
                        rs.getLong("opened"),
                        rs.getLong("clicked"),
                        rs.getLong("replied"),
                        rs.getLong("bounced"),
                        rs.getLong("unsubscribed"),
                        rs.getLong("not_sent")),
                sequenceId);
    }

    @ApplicationModuleListener
    void on(EmailOpened event) {
        if (event.first()) {
            tenants.runAs(event.tenantId(), () -> sends.markEmail(event.emailId(), "opened_at"));
        }
    }

    @ApplicationModuleListener
    void on(EmailClicked event) {
        if (event.first()) {
            tenants.runAs(event.tenantId(), () -> sends.markEmail(event.emailId(), "clicked_at"));
        }
    }

    @ApplicationModuleListener
    void on(EmailFailed event) {
        tenants.runAs(event.tenantId(), () -> sends.markEmail(event.emailId(), "failed_at"));
    }

    @ApplicationModuleListener
    void on(EmailBounced event) {
        tenants.runAs(event.tenantId(), () -> sends.markEmail(event.emailId(), "bounced_at"));
    }
}
