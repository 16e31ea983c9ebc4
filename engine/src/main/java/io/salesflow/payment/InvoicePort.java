package io.salesflow.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where invoices are kept: the in-app store ({@link InAppInvoices}) or, later, an ERP (QuickBooks, Xero). Every call
 * runs in the caller's transaction and tenant; an implementation that talks to a remote system does so through the
 * outbox.
 */
public interface InvoicePort {

    /** One line of an invoice: quantity times unit price. */
    record InvoiceLine(String description, BigDecimal quantity, BigDecimal unitPrice) {

        public BigDecimal amount() {
            return quantity.multiply(unitPrice).setScale(2, java.math.RoundingMode.HALF_UP);
        }
    }

    /** What to invoice, for which deal and milestone, to whom, due when. */
    record NewInvoice(
            UUID dealId,
            UUID milestoneId,
            String customerName,
            String customerEmail,
            String currency,
            LocalDate issuedOn,
            LocalDate dueOn,
            List<InvoiceLine> lines) {}

    /** An invoice as the port keeps it. */
    record InvoiceView(
            UUID id,
            long number,
            UUID dealId,
            UUID milestoneId,
            String customerName,
            String customerEmail,
            String currency,
            BigDecimal total,
            BigDecimal paidAmount,
            String status,
            LocalDate issuedOn,
            LocalDate dueOn,
            List<InvoiceLine> lines) {}

    InvoiceView create(NewInvoice invoice);

    Optional<InvoiceView> get(UUID id);

    /** Adds a payment to the invoice: partially paid while something remains, paid once nothing does. */
    InvoiceView recordPayment(UUID id, BigDecimal amount);
}
