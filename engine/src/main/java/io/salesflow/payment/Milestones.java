package io.salesflow.payment;

import io.salesflow.audit.AuditLog;
import io.salesflow.deal.DealStates;
import io.salesflow.email.Emails;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.problem.Problem.FieldError;
import io.salesflow.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A milestone's way through the payment-milestones process, one step per method (each in the step's transaction):
 * invoiced through the {@link InvoicePort}, emailed, paid in one or more payments, reminded, escalated, written off;
 * the plan closed as fully paid once every milestone is paid. Dates are UTC days.
 */
@Service
public class Milestones {

    /** What the process needs to know before invoicing: how the milestone is triggered and, on a date, when. */
    public record Start(String trigger, Date invoiceAt, String name, String dealName) {}

    /** The invoice made for a milestone and when its first chase is due (the day after the due date). */
    public record Invoiced(UUID invoiceId, long invoiceNumber, LocalDate dueOn, Date chaseAt) {}

    /** A reminder sent: which one, and the working days to wait before the next chase; whether another follows. */
    public record Reminded(int number, int waitWorkingDays, boolean remindersLeft, String emailStatus) {}

    /** A payment recorded: whether the milestone is now paid in full, and what remains. */
    public record Recorded(boolean paidInFull, BigDecimal remaining) {}

    private final PaymentStore store;
    private final InvoicePort invoices;
    private final Invoices documents;
    private final InvoiceLinks links;
    private final PaymentEmails emails;
    private final PaymentSettingsStore settings;
    private final DealStates deals;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    Milestones(
            PaymentStore store,
            InvoicePort invoices,
            Invoices documents,
            InvoiceLinks links,
            PaymentEmails emails,
            PaymentSettingsStore settings,
            DealStates deals,
            ApplicationEventPublisher events,
            AuditLog audit,
            Clock clock) {
        this.store = store;
        this.invoices = invoices;
        this.documents = documents;
        this.links = links;
        this.emails = emails;
        this.settings = settings;
        this.deals = deals;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<UUID> unsettled(UUID dealId) {
        return store.unsettled(dealId);
    }

    @Transactional(readOnly = true)
    public Start prepare(UUID milestoneId) {
        PaymentMilestone m = require(milestoneId, false);
        Date invoiceAt = m.invoiceOn() == null
                ? null
                : Date.from(m.invoiceOn().atStartOfDay(ZoneOffset.UTC).toInstant());
        return new Start(m.trigger(), invoiceAt, m.name(), m.dealName());
    }

    /** Invoices the milestone through the port, once: a repeated step returns the invoice it already made. */
    @Transactional
    public Invoiced invoice(UUID milestoneId) {
        PaymentMilestone m = require(milestoneId, true);
        if (m.invoiceId() == null) {
            DealStates.DealTerms deal = deals.terms(m.dealId()).orElseThrow(() -> Problem.notFound("Deal", m.dealId()));
            LocalDate today = today();
            InvoicePort.InvoiceView invoice = invoices.create(new InvoicePort.NewInvoice(
                    m.dealId(),
                    m.id(),
                    deal.accountName() != null ? deal.accountName() : deal.name(),
                    null,
                    m.currency(),
                    today,
                    today.plusDays(m.netDays()),
                    List.of(new InvoicePort.InvoiceLine(
                            m.name() + " (" + deal.name() + ")", BigDecimal.ONE, m.amount()))));
            store.invoiced(m.id(), invoice.id(), invoice.dueOn());
            audit.record(
                    "payment_milestone.invoiced",
                    "deal",
                    m.dealId(),
                    null,
                    Map.of("milestoneId", m.id(), "invoiceNumber", invoice.number()));
        }
        PaymentMilestone now = require(milestoneId, false);
        return new Invoiced(
                now.invoiceId(),
                now.invoiceNumber(),
                now.dueOn(),
                Date.from(now.dueOn().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    /** Emails the invoice, its PDF attached, to the deal's primary contact; what became of the email. */
    @Transactional
    public String sendInvoice(UUID milestoneId) {
        PaymentMilestone m = require(milestoneId, false);
        Invoices.Pdf pdf = documents.render(m.invoiceId());
        return emails.send(
                false,
                contactOf(m),
                variables(m),
                List.of(new Emails.EmailAttachment(pdf.filename(), "application/pdf", pdf.bytes())));
    }

    /** Sends the next reminder; the wait before the chase after it comes from the tenant's reminder days. */
    @Transactional
    public Reminded sendReminder(UUID milestoneId) {
        PaymentMilestone m = require(milestoneId, true);
        List<Integer> days = settings.current().reminderDays();
        int number = m.remindersSent() + 1;
        store.reminded(m.id());
        Map<String, String> variables = variables(m);
        variables.put("reminderNumber", Integer.toString(number));
        String status = emails.send(true, contactOf(m), variables, List.of());
        int wait = days.isEmpty() ? 1 : days.get(Math.min(number, days.size()) - 1);
        return new Reminded(number, wait, number < days.size(), status);
    }

    /** Whether the tenant sends reminders at all before finance is asked. */
    @Transactional(readOnly = true)
    public boolean sendsReminders() {
        return !settings.current().reminderDays().isEmpty();
    }

    @Transactional
    public void escalated(UUID milestoneId) {
        PaymentMilestone m = require(milestoneId, true);
        store.escalated(m.id(), clock.instant());
        audit.record("payment_milestone.escalated", "deal", m.dealId(), null, Map.of("milestoneId", m.id()));
    }

    @Transactional
    public void writeOff(UUID milestoneId) {
        PaymentMilestone m = require(milestoneId, true);
        store.writtenOff(m.id());
        audit.record(
                "payment_milestone.written_off",
                "deal",
                m.dealId(),
                null,
                Map.of("milestoneId", m.id(), "remaining", m.remaining()));
    }

    /**
     * Refuses a payment the milestone cannot take, changing nothing: an unknown milestone (404), one not invoiced,
     * already paid or written off, or a reference already recorded (409), an amount that is not positive or more
     * than what remains, or another currency (400, naming the field under {@code prefix}).
     */
    @Transactional(readOnly = true)
    public void checkPayment(UUID milestoneId, Object amount, Object currency, Object reference, String prefix) {
        PaymentMilestone m = store.milestone(milestoneId, false, today())
                .orElseThrow(() -> new Problem(
                        404,
                        "unknown-milestone",
                        "Unknown payment milestone",
                        "No payment milestone " + milestoneId + " in this workspace"));
        refuseSettled(m);
        if (reference != null && store.paymentExists(m.id(), reference.toString())) {
            throw new Problem(
                    409,
                    "payment-already-recorded",
                    "Payment already recorded",
                    "Payment " + reference + " is already recorded for milestone " + m.name());
        }
        BigDecimal value = amount(amount);
        if (value == null || value.signum() <= 0 || value.scale() > 2) {
            throw invalid(prefix + "paymentAmount", "must be a positive amount with at most two decimals");
        }
        if (value.compareTo(m.remaining()) > 0) {
            throw invalid(
                    prefix + "paymentAmount",
                    "is more than the " + m.remaining() + " " + m.currency() + " still open on " + m.name());
        }
        if (currency != null && !m.currency().equals(currency.toString())) {
            throw invalid(prefix + "paymentCurrency", "must be " + m.currency() + ", the milestone's currency");
        }
    }

    /** Records a checked payment on the milestone and its invoice. */
    @Transactional
    public Recorded recordPayment(UUID milestoneId, BigDecimal amount, String reference, UUID recordedBy) {
        checkPayment(milestoneId, amount, null, reference, "");
        PaymentMilestone m = require(milestoneId, true);
        Instant now = clock.instant();
        if (!store.insertPayment(m.id(), amount, m.currency(), reference, now, recordedBy)) {
            return new Recorded(m.status().equals("paid"), m.remaining());
        }
        invoices.recordPayment(m.invoiceId(), amount);
        BigDecimal paid = m.paidAmount().add(amount);
        boolean inFull = paid.compareTo(m.amount()) == 0;
        store.paid(m.id(), paid, inFull, now);
        audit.record(
                "payment_milestone.payment_recorded",
                "deal",
                m.dealId(),
                null,
                Map.of("milestoneId", m.id(), "amount", amount, "paidInFull", inFull));
        return new Recorded(inFull, m.amount().subtract(paid));
    }

    /** Closes the plan: fully paid (and announced) when every milestone is paid; whether it is. */
    @Transactional
    public boolean closePlan(UUID dealId) {
        store.plan(dealId, true).orElseThrow(() -> Problem.notFound("Payment plan", dealId));
        List<PaymentMilestone> all = store.milestones(dealId, today());
        boolean fullyPaid =
                !all.isEmpty() && all.stream().allMatch(m -> m.status().equals("paid"));
        if (fullyPaid && store.markFullyPaid(dealId, clock.instant())) {
            BigDecimal total = all.stream().map(PaymentMilestone::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            events.publishEvent(new DealFullyPaid(
                    TenantContext.require(), dealId, total, all.get(0).currency()));
            audit.record("payment_plan.fully_paid", "deal", dealId, null, Map.of("total", total));
        }
        return fullyPaid;
    }

    private static void refuseSettled(PaymentMilestone m) {
        switch (m.status()) {
            case "paid" ->
                throw new Problem(
                        409,
                        "milestone-already-paid",
                        "Milestone already paid",
                        "Milestone " + m.name() + " is already paid in full; nothing remains to pay");
            case "written_off" ->
                throw new Problem(
                        409,
                        "milestone-written-off",
                        "Milestone written off",
                        "Milestone " + m.name() + " was written off by finance");
            case "planned" ->
                throw new Problem(
                        409,
                        "milestone-not-invoiced",
                        "Milestone not invoiced yet",
                        "Milestone " + m.name()
                                + " has no invoice yet; a payment can only be recorded once it is invoiced");
            default -> {}
        }
    }

    private static BigDecimal amount(Object amount) {
        if (amount instanceof BigDecimal d) {
            return d;
        }
        if (amount instanceof Number || amount instanceof String) {
            try {
                return new BigDecimal(amount.toString().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Problem invalid(String field, String message) {
        return new Problem(
                400, "validation", "Invalid request", field + ": " + message, List.of(new FieldError(field, message)));
    }

    private Map<String, String> variables(PaymentMilestone m) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("invoiceNumber", String.valueOf(m.invoiceNumber()));
        values.put("milestoneName", m.name());
        values.put("dealName", m.dealName());
        values.put("amount", m.amount().toPlainString());
        values.put("remaining", m.remaining().toPlainString());
        values.put("currency", m.currency());
        values.put("dueOn", String.valueOf(m.dueOn()));
        values.put("invoiceLink", m.invoiceId() == null ? "" : links.url(TenantContext.require(), m.invoiceId()));
        return values;
    }

    private UUID contactOf(PaymentMilestone m) {
        return deals.terms(m.dealId())
                .map(DealStates.DealTerms::primaryContactId)
                .orElse(null);
    }

    private PaymentMilestone require(UUID id, boolean lock) {
        return store.milestone(id, lock, today()).orElseThrow(() -> Problem.notFound("Payment milestone", id));
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
