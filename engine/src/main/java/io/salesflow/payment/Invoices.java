package io.salesflow.payment;

import io.salesflow.deal.DealStates;
import io.salesflow.platform.problem.Problem;
import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.Tenants;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invoices as the API shows them: a deal's invoices and one invoice with the deal's read access plus
 * {@code invoices:read} or {@code deals:read}; its PDF the same way, or through a tokenised link without an account.
 */
@Service
public class Invoices {

    /** A PDF to download and its file name. */
    public record Pdf(String filename, byte[] bytes) {}

    static final int MAX_PER_DEAL = 100;

    private final InvoiceStore store;
    private final InvoicePort port;
    private final InvoicePdf pdf;
    private final InvoiceLinks links;
    private final PaymentPlans plans;
    private final DealStates deals;
    private final Tenants tenants;
    private final TransactionTemplate reads;

    Invoices(
            InvoiceStore store,
            InvoicePort port,
            InvoicePdf pdf,
            InvoiceLinks links,
            PaymentPlans plans,
            DealStates deals,
            Tenants tenants,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.port = port;
        this.pdf = pdf;
        this.links = links;
        this.plans = plans;
        this.deals = deals;
        this.tenants = tenants;
        this.reads = new TransactionTemplate(transactions);
        this.reads.setReadOnly(true);
    }

    /** The deal's invoices, newest first (a deal has a bounded number: one per milestone). */
    @Transactional(readOnly = true)
    public List<InvoicePort.InvoiceView> ofDeal(UUID dealId) {
        plans.visibleDeal(dealId);
        return store.ofDeal(dealId, MAX_PER_DEAL).stream()
                .map(id -> port.get(id).orElseThrow())
                .toList();
    }

    @Transactional(readOnly = true)
    public InvoicePort.InvoiceView get(UUID id) {
        InvoicePort.InvoiceView invoice = port.get(id).orElseThrow(() -> Problem.notFound("Invoice", id));
        try {
            plans.visibleDeal(invoice.dealId());
        } catch (Problem p) {
            throw Problem.notFound("Invoice", id);
        }
        return invoice;
    }

    @Transactional(readOnly = true)
    public Pdf pdf(UUID id) {
        return render(get(id));
    }

    /** The PDF a link in an invoice email names; 404 for any token that is not one of ours. */
    public Pdf pdfByToken(String token) {
        InvoiceLinks.Target target =
                links.open(token).orElseThrow(() -> new Problem(404, "not-found", "Not found", "No such invoice"));
        return TenantContext.callAs(
                target.tenantId(),
                () -> reads.execute(s -> port.get(target.invoiceId())
                        .map(this::render)
                        .orElseThrow(() -> new Problem(404, "not-found", "Not found", "No such invoice"))));
    }

    /** The invoice's PDF, for the email it goes out with (no caller: the process sends it). */
    Pdf render(UUID invoiceId) {
        return render(port.get(invoiceId).orElseThrow(() -> Problem.notFound("Invoice", invoiceId)));
    }

    private Pdf render(InvoicePort.InvoiceView invoice) {
        String workspace =
                tenants.findById(TenantContext.require()).map(t -> t.getName()).orElse("");
        String deal =
                deals.terms(invoice.dealId()).map(DealStates.DealTerms::name).orElse("");
        return new Pdf("invoice-" + invoice.number() + ".pdf", pdf.render(invoice, workspace, deal));
    }
}
