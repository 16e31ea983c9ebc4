package io.salesflow.payment;

import io.salesflow.platform.problem.Problem;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The invoice port kept in Salesflow's own tables: numbered per tenant without gaps, rendered as PDF on request. */
@Component
class InAppInvoices implements InvoicePort {

    private final InvoiceStore store;

    InAppInvoices(InvoiceStore store) {
        this.store = store;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public InvoiceView create(NewInvoice invoice) {
        if (invoice.lines().isEmpty()) {
            throw new IllegalArgumentException("An invoice needs at least one line");
        }
        BigDecimal total = invoice.lines().stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        UUID id = UUID.randomUUID();
        store.insert(id, store.nextNumber(), invoice, total);
        return store.find(id, false).orElseThrow();
    }

    @Override
    public Optional<InvoiceView> get(UUID id) {
        return store.find(id, false);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public InvoiceView recordPayment(UUID id, BigDecimal amount) {
        InvoiceView invoice = store.find(id, true).orElseThrow(() -> Problem.notFound("Invoice", id));
        BigDecimal paid = invoice.paidAmount().add(amount);
        if (paid.compareTo(invoice.total()) > 0) {
            throw Problem.invalid(
                    "amount",
                    "is more than the " + invoice.total().subtract(invoice.paidAmount()) + " " + invoice.currency()
                            + " still open on invoice " + invoice.number());
        }
        store.paid(id, paid, paid.compareTo(invoice.total()) == 0 ? "paid" : "partially_paid");
        return store.find(id, false).orElseThrow();
    }
}
