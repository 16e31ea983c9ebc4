package io.salesflow.payment;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Plans, milestones and payments in SQL; every query is by key or by an index of payment_milestones. */
@Component
class PaymentStore {

    /** A plan row. */
    record Plan(UUID dealId, String currency, Instant startedAt, Instant fullyPaidAt, long version) {}

    /** A milestone as planned, for inserting. */
    record NewMilestone(String name, BigDecimal amount, String trigger, LocalDate invoiceOn, int netDays) {}

    static final String MILESTONE_COLUMNS =
            """
            m.id, m.deal_id, d.name AS deal_name, m.position, m.name, m.amount, m.currency, m.trigger, m.invoice_on,
            m.net_days, m.status, m.paid_amount, m.invoice_id, i.number AS invoice_number, m.due_on,
            m.reminders_sent, m.escalated_at, m.paid_at
            """;
    static final String MILESTONE_FROM =
            """
            FROM payment_milestones m
            JOIN deals d ON d.tenant_id = m.tenant_id AND d.id = m.deal_id
            LEFT JOIN invoices i ON i.tenant_id = m.tenant_id AND i.id = m.invoice_id
            """;

    private final JdbcTemplate jdbc;

    PaymentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Plan> plan(UUID dealId, boolean lock) {
        return jdbc
                .query(
                        "SELECT deal_id, currency, started_at, fully_paid_at, version FROM payment_plans"
                                + " WHERE deal_id = ?" + (lock ? " FOR UPDATE" : ""),
                        (rs, i) -> new Plan(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                instant(rs, 3),
                                instant(rs, 4),
                                rs.getLong(5)),
                        dealId)
                .stream()
                .findFirst();
    }

    /** Replaces the plan's milestones; the new version of the plan. */
    long replace(UUID dealId, String currency, Long expectedVersion, List<NewMilestone> milestones) {
        long version;
        if (expectedVersion == null) {
            jdbc.update("INSERT INTO payment_plans (deal_id, currency, version) VALUES (?, ?, 1)", dealId, currency);
            version = 1;
        } else {
            jdbc.update("DELETE FROM payment_milestones WHERE deal_id = ?", dealId);
            jdbc.update(
                    "UPDATE payment_plans SET currency = ?, version = version + 1, updated_at = now() WHERE deal_id = ?",
                    currency,
                    dealId);
            version = expectedVersion + 1;
        }
        int position = 1;
        for (NewMilestone m : milestones) {
            jdbc.update(
                    """
                    INSERT INTO payment_milestones (id, deal_id, position, name, amount, currency, trigger, invoice_on,
                        net_days)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    UUID.randomUUID(),
                    dealId,
                    position++,
                    m.name(),
                    m.amount(),
                    currency,
                    m.trigger(),
                    m.invoiceOn() == null ? null : Date.valueOf(m.invoiceOn()),
                    m.netDays());
        }
        return version;
    }

    boolean markStarted(UUID dealId, Instant at) {
        return jdbc.update(
                        "UPDATE payment_plans SET started_at = ?, version = version + 1, updated_at = now()"
                                + " WHERE deal_id = ? AND started_at IS NULL",
                        Timestamp.from(at),
                        dealId)
                == 1;
    }

    boolean markFullyPaid(UUID dealId, Instant at) {
        return jdbc.update(
                        "UPDATE payment_plans SET fully_paid_at = ?, version = version + 1, updated_at = now()"
                                + " WHERE deal_id = ? AND fully_paid_at IS NULL",
                        Timestamp.from(at),
                        dealId)
                == 1;
    }

    List<PaymentMilestone> milestones(UUID dealId, LocalDate today) {
        return jdbc.query(
                "SELECT " + MILESTONE_COLUMNS + MILESTONE_FROM + " WHERE m.deal_id = ? ORDER BY m.position",
                (rs, i) -> milestone(rs, today),
                dealId);
    }

    Optional<PaymentMilestone> milestone(UUID id, boolean lock, LocalDate today) {
        if (lock) {
            jdbc.query("SELECT 1 FROM payment_milestones WHERE id = ? FOR UPDATE", rs -> {}, id);
        }
        return jdbc
                .query(
                        "SELECT " + MILESTONE_COLUMNS + MILESTONE_FROM + " WHERE m.id = ?",
                        (rs, i) -> milestone(rs, today),
                        id)
                .stream()
                .findFirst();
    }

    void invoiced(UUID id, UUID invoiceId, LocalDate dueOn) {
        jdbc.update(
                "UPDATE payment_milestones SET status = 'invoiced', invoice_id = ?, due_on = ? WHERE id = ?"
                        + " AND status = 'planned'",
                invoiceId,
                Date.valueOf(dueOn),
                id);
    }

    void paid(UUID id, BigDecimal paidAmount, boolean inFull, Instant at) {
        jdbc.update(
                "UPDATE payment_milestones SET paid_amount = ?, status = ?, paid_at = ? WHERE id = ?",
                paidAmount,
                inFull ? "paid" : "partially_paid",
                inFull ? Timestamp.from(at) : null,
                id);
    }

    void reminded(UUID id) {
        jdbc.update("UPDATE payment_milestones SET reminders_sent = reminders_sent + 1 WHERE id = ?", id);
    }

    void escalated(UUID id, Instant at) {
        jdbc.update("UPDATE payment_milestones SET escalated_at = ? WHERE id = ?", Timestamp.from(at), id);
    }

    void writtenOff(UUID id) {
        jdbc.update("UPDATE payment_milestones SET status = 'written_off' WHERE id = ? AND status <> 'paid'", id);
    }

    /** Records a payment unless one with the same reference is already recorded for the milestone. */
    boolean insertPayment(
            UUID milestoneId, BigDecimal amount, String currency, String reference, Instant at, UUID recordedBy) {
        return jdbc.update(
                        """
                        INSERT INTO payments (id, milestone_id, amount, currency, reference, received_at, recorded_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (tenant_id, milestone_id, reference) WHERE reference IS NOT NULL DO NOTHING
                        """,
                        UUID.randomUUID(),
                        milestoneId,
                        amount,
                        currency,
                        reference,
                        Timestamp.from(at),
                        recordedBy)
                == 1;
    }

    boolean paymentExists(UUID milestoneId, String reference) {
        return reference != null
                && !jdbc.queryForList(
                                "SELECT 1 FROM payments WHERE milestone_id = ? AND reference = ?",
                                milestoneId,
                                reference)
                        .isEmpty();
    }

    /** The milestones the process still has to see through: neither paid nor written off. */
    List<UUID> unsettled(UUID dealId) {
        return jdbc.queryForList(
                "SELECT id FROM payment_milestones WHERE deal_id = ? AND status NOT IN ('paid', 'written_off')"
                        + " ORDER BY position",
                UUID.class,
                dealId);
    }

    static PaymentMilestone milestone(ResultSet rs, LocalDate today) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("amount");
        BigDecimal paid = rs.getBigDecimal("paid_amount");
        String status = rs.getString("status");
        Date due = rs.getDate("due_on");
        LocalDate dueOn = due == null ? null : due.toLocalDate();
        Date invoiceOn = rs.getDate("invoice_on");
        long number = rs.getLong("invoice_number");
        Long invoiceNumber = rs.wasNull() ? null : number;
        boolean open = status.equals("invoiced") || status.equals("partially_paid");
        return new PaymentMilestone(
                rs.getObject("id", UUID.class),
                rs.getObject("deal_id", UUID.class),
                rs.getString("deal_name"),
                rs.getInt("position"),
                rs.getString("name"),
                amount,
                rs.getString("currency").trim(),
                rs.getString("trigger"),
                invoiceOn == null ? null : invoiceOn.toLocalDate(),
                rs.getInt("net_days"),
                status,
                paid,
                status.equals("written_off") ? BigDecimal.ZERO.setScale(2) : amount.subtract(paid),
                rs.getObject("invoice_id", UUID.class),
                invoiceNumber,
                dueOn,
                open && dueOn != null && dueOn.isBefore(today),
                rs.getInt("reminders_sent"),
                instant(rs, "escalated_at"),
                instant(rs, "paid_at"));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static List<Object> args(Object... values) {
        return new ArrayList<>(List.of(values));
    }
}
