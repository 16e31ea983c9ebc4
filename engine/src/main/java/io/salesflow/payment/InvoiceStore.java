package io.salesflow.payment;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The in-app invoices, their lines and the tenant's invoice counter. */
@Component
class InvoiceStore {

    private final JdbcTemplate jdbc;

    InvoiceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The tenant's next invoice number, taken under the counter row's lock: a second invoice in another transaction
     * waits until this one commits or rolls back, so numbers have no gaps and no duplicates.
     */
    long nextNumber() {
        jdbc.update("INSERT INTO invoice_counters (last_number) VALUES (0) ON CONFLICT (tenant_id) DO NOTHING");
        return jdbc.queryForObject(
                "UPDATE invoice_counters SET last_number = last_number + 1 RETURNING last_number", Long.class);
    }

    void insert(UUID id, long number, InvoicePort.NewInvoice invoice, BigDecimal total) {
        jdbc.update(
                """
                INSERT INTO invoices (id, number, deal_id, milestone_id, customer_name, customer_email, currency, total,
                    issued_on, due_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                id,
                number,
                invoice.dealId(),
                invoice.milestoneId(),
                invoice.customerName(),
                invoice.customerEmail(),
                invoice.currency(),
                total,
                Date.valueOf(invoice.issuedOn()),
                Date.valueOf(invoice.dueOn()));
        int position = 1;
        for (InvoicePort.InvoiceLine line : invoice.lines()) {
            jdbc.update(
                    "INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit_price, amount)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    id,
                    position++,
                    line.description(),
                    line.quantity(),
                    line.unitPrice(),
                    line.amount());
        }
    }

    Optional<InvoicePort.InvoiceView> find(UUID id, boolean lock) {
        List<InvoicePort.InvoiceLine> lines = jdbc.query(
                "SELECT description, quantity, unit_price FROM invoice_lines WHERE invoice_id = ? ORDER BY position",
                (rs, i) -> new InvoicePort.InvoiceLine(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)),
                id);
        return jdbc
                .query(
                        "SELECT * FROM invoices WHERE id = ?" + (lock ? " FOR UPDATE" : ""),
                        (rs, i) -> new InvoicePort.InvoiceView(
                                rs.getObject("id", UUID.class),
                                rs.getLong("number"),
                                rs.getObject("deal_id", UUID.class),
                                rs.getObject("milestone_id", UUID.class),
                                rs.getString("customer_name"),
                                rs.getString("customer_email"),
                                rs.getString("currency").trim(),
                                rs.getBigDecimal("total"),
                                rs.getBigDecimal("paid_amount"),
                                rs.getString("status"),
                                rs.getDate("issued_on").toLocalDate(),
                                rs.getDate("due_on").toLocalDate(),
                                lines),
                        id)
                .stream()
                .findFirst();
    }

    void paid(UUID id, BigDecimal paidAmount, String status) {
        jdbc.update("UPDATE invoices SET paid_amount = ?, status = ? WHERE id = ?", paidAmount, status, id);
    }

    /** A deal's invoices, newest first, at most {@code limit}. */
    List<UUID> ofDeal(UUID dealId, int limit) {
        return jdbc.queryForList(
                "SELECT id FROM invoices WHERE deal_id = ? ORDER BY number DESC LIMIT ?", UUID.class, dealId, limit);
    }
}
