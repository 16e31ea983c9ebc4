package io.salesflow.payment;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.audit.AuditLog;
import io.salesflow.deal.DealStates;
import io.salesflow.deal.DealWon;
import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.Problem;
import io.salesflow.platform.problem.Problem.FieldError;
import io.salesflow.platform.web.CursorPage;
import io.salesflow.platform.web.ETags;
import io.salesflow.records.RecordAccess;
import io.salesflow.records.RecordLifecycle;
import io.salesflow.records.RecordType;
import io.salesflow.records.SqlPart;
import io.salesflow.tenancy.TenantContext;
import io.salesflow.tenancy.TenantScope;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment plans through the API: a deal's plan read with the deal's read access, replaced (before it starts) with
 * {@code invoices:write} or write access to the deal, started by hand or when the deal is won; payments recorded by
 * hand and milestones released through the process; finance figures and lists over what the caller may read.
 */
@Service
public class PaymentPlans {

    /** A plan and the version its ETag carries (0 while the deal has none). */
    public record Versioned(PaymentPlanView plan, long version) {}

    static final int MAX_MILESTONES = 50;
    private static final Set<String> PLAN_FIELDS = Set.of("milestones");
    private static final Set<String> MILESTONE_FIELDS =
            Set.of("name", "amount", "currency", "trigger", "invoiceOn", "netDays");
    private static final Set<String> TRIGGERS = Set.of("on_date", "on_deal_won", "by_hand");

    private final PaymentStore store;
    private final FinanceStore finance;
    private final DealStates deals;
    private final RecordLifecycle records;
    private final RecordType dealType;
    private final PaymentProcess process;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final TenantScope tenantScope;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    PaymentPlans(
            PaymentStore store,
            FinanceStore finance,
            DealStates deals,
            RecordLifecycle records,
            List<RecordType> types,
            PaymentProcess process,
            ApplicationEventPublisher events,
            AuditLog audit,
            TenantScope tenantScope,
            JdbcTemplate jdbc,
            Clock clock) {
        this.store = store;
        this.finance = finance;
        this.deals = deals;
        this.records = records;
        this.dealType =
                types.stream().filter(t -> t.name().equals("deal")).findFirst().orElseThrow();
        this.process = process;
        this.events = events;
        this.audit = audit;
        this.tenantScope = tenantScope;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Versioned get(UUID dealId) {
        DealStates.DealTerms deal = visibleDeal(dealId);
        return view(deal);
    }

    /** Replaces the plan's milestones while it has not started; 409 once it has. */
    @Transactional
    public Versioned replace(UUID dealId, JsonNode body, String ifMatch) {
        DealStates.DealTerms deal = visibleDeal(dealId);
        refuseUnlessWritable(dealId);
        PaymentStore.Plan plan = store.plan(dealId, true).orElse(null);
        ETags.check(ifMatch, plan == null ? 0 : plan.version());
        if (plan != null && plan.startedAt() != null) {
            throw new Problem(
                    409,
                    "plan-started",
                    "Payment plan already started",
                    "The plan started on " + plan.startedAt() + "; its milestones are being invoiced and cannot be"
                            + " replaced");
        }
        List<PaymentStore.NewMilestone> milestones = read(body, deal.currency());
        Versioned before = view(deal);
        store.replace(dealId, deal.currency(), plan == null ? null : plan.version(), milestones);
        Versioned after = view(deal);
        audit.record("payment_plan.replaced", "deal", dealId, before.plan(), after.plan());
        return after;
    }

    /** Starts the plan by hand; a started plan stays as it is (204 either way). */
    @Transactional
    public Versioned start(UUID dealId, String ifMatch) {
        DealStates.DealTerms deal = visibleDeal(dealId);
        refuseUnlessWritable(dealId);
        PaymentStore.Plan plan = store.plan(dealId, true)
                .orElseThrow(() -> new Problem(
                        409, "no-payment-plan", "No payment plan", "Give the deal a payment plan before starting it"));
        ETags.check(ifMatch, plan.version());
        if (store.milestones(dealId, today()).isEmpty()) {
            throw new Problem(409, "no-payment-plan", "No payment plan", "The plan has no milestones to invoice");
        }
        startPlan(dealId);
        return view(deal);
    }

    /** A won deal with a plan starts it: its on-deal-won milestones are invoiced at once. */
    @ApplicationModuleListener
    void on(DealWon event) {
        tenantScope.runAs(event.tenantId(), () -> {
            if (store.plan(event.dealId(), true).isPresent()
                    && !store.milestones(event.dealId(), today()).isEmpty()) {
                startPlan(event.dealId());
            }
        });
    }

    private void startPlan(UUID dealId) {
        if (store.markStarted(dealId, clock.instant())) {
            events.publishEvent(new PaymentPlanStarted(TenantContext.require(), dealId));
            audit.record("payment_plan.started", "deal", dealId, null, Map.of("dealId", dealId));
        }
    }

    /** Records a payment by hand: handed to the milestone's waiting process, which records it. */
    @Transactional
    public PaymentMilestone recordPayment(UUID milestoneId, JsonNode body) {
        PaymentMilestone m = visibleMilestone(milestoneId);
        List<FieldError> errors = new ArrayList<>();
        unknownFields(body, Set.of("amount", "reference"), "", errors);
        BigDecimal amount = money(body == null ? null : body.get("amount"), "amount", errors);
        String reference = text(body == null ? null : body.get("reference"), "reference", 200, errors);
        throwIf(errors);
        if (amount.compareTo(m.remaining()) > 0) {
            throw Problem.invalid(
                    "amount", "is more than the " + m.remaining() + " " + m.currency() + " still open on " + m.name());
        }
        process.deliverPayment(milestoneId, amount, m.currency(), reference);
        return store.milestone(milestoneId, false, today()).orElseThrow();
    }

    /** Releases a milestone invoiced by hand: the process invoices it now. */
    @Transactional
    public PaymentMilestone release(UUID milestoneId) {
        PaymentMilestone m = visibleMilestone(milestoneId);
        if (!m.trigger().equals("by_hand") || !m.status().equals("planned")) {
            throw new Problem(
                    409,
                    "milestone-not-releasable",
                    "Milestone cannot be released",
                    "Only a planned milestone invoiced by hand is released; " + m.name() + " is " + m.status()
                            + " and invoiced " + m.trigger().replace('_', ' '));
        }
        process.release(milestoneId);
        return store.milestone(milestoneId, false, today()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public FinanceFigures figures(UUID dealId, String currency) {
        return finance.figures(access(), dealId, currency(currency), today());
    }

    @Transactional(readOnly = true)
    public CursorPage<PaymentMilestone> list(String state, UUID dealId, String currency, String cursor, int limit) {
        if (!Set.of("overdue", "awaiting", "paid").contains(state)) {
            throw Problem.invalid("state", "must be overdue, awaiting or paid");
        }
        String after = CursorPage.decode(cursor);
        LocalDate afterDue = null;
        UUID afterId = null;
        if (after != null) {
            try {
                String[] parts = after.split("\\|", -1);
                afterDue = LocalDate.parse(parts[0]);
                afterId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw Problem.invalid("cursor", "is not a cursor this API returned");
            }
        }
        List<PaymentMilestone> rows =
                finance.page(access(), state, dealId, currency(currency), today(), afterDue, afterId, limit);
        return CursorPage.of(rows, limit, m -> m.dueOn() + "|" + m.id());
    }

    private SqlPart access() {
        SqlPart access = RecordAccess.predicate(Caller.require(), "invoices:read", "d");
        if (access == null) {
            throw Problem.forbidden("Your role does not allow reading payment milestones");
        }
        return access;
    }

    private static String currency(String currency) {
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            throw Problem.invalid("currency", "must be an ISO 4217 code such as EUR");
        }
        return currency;
    }

    PaymentMilestone visibleMilestone(UUID milestoneId) {
        PaymentMilestone m = store.milestone(milestoneId, false, today())
                .orElseThrow(() -> Problem.notFound("Payment milestone", milestoneId));
        if (!records.isLive(dealType, m.dealId())) {
            throw Problem.notFound("Payment milestone", milestoneId);
        }
        return m;
    }

    DealStates.DealTerms visibleDeal(UUID dealId) {
        if (!records.isLive(dealType, dealId)) {
            throw Problem.notFound("Deal", dealId);
        }
        return deals.terms(dealId).orElseThrow(() -> Problem.notFound("Deal", dealId));
    }

    private void refuseUnlessWritable(UUID dealId) {
        Caller caller = Caller.require();
        if (caller.can("invoices:write")) {
            return;
        }
        SqlPart writable = RecordAccess.predicate(caller, "deals:write", "d");
        if (writable == null
                || jdbc.queryForList(
                                "SELECT 1 FROM deals d WHERE d.id = ? AND (" + writable.sql() + ")",
                                concat(dealId, writable.params()))
                        .isEmpty()) {
            throw Problem.forbidden("Changing this deal's payment plan needs invoices:write or write access to it");
        }
    }

    private static Object[] concat(Object first, List<Object> rest) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all.toArray();
    }

    private Versioned view(DealStates.DealTerms deal) {
        PaymentStore.Plan plan = store.plan(deal.id(), false).orElse(null);
        List<PaymentMilestone> milestones = plan == null ? List.of() : store.milestones(deal.id(), today());
        BigDecimal planned = milestones.stream().map(PaymentMilestone::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal paid =
                milestones.stream().map(PaymentMilestone::paidAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Versioned(
                new PaymentPlanView(
                        deal.id(),
                        deal.currency(),
                        deal.amount(),
                        planned.setScale(2),
                        planned.subtract(deal.amount()).setScale(2),
                        paid.setScale(2),
                        plan == null ? null : plan.startedAt(),
                        plan == null ? null : plan.fullyPaidAt(),
                        plan != null && plan.fullyPaidAt() != null,
                        milestones),
                plan == null ? 0 : plan.version());
    }

    private List<PaymentStore.NewMilestone> read(JsonNode body, String currency) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw Problem.invalid("milestones", "send an object with a list of milestones");
        }
        unknownFields(body, PLAN_FIELDS, "", errors);
        JsonNode list = body.get("milestones");
        List<PaymentStore.NewMilestone> milestones = new ArrayList<>();
        if (list == null || !list.isArray()) {
            errors.add(new FieldError("milestones", "must be a list of milestones"));
        } else if (list.size() > MAX_MILESTONES) {
            errors.add(new FieldError("milestones", "must have at most " + MAX_MILESTONES + " milestones"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                String at = "milestones[" + i + "].";
                JsonNode m = list.get(i);
                if (!m.isObject()) {
                    errors.add(new FieldError("milestones[" + i + "]", "must be an object"));
                    continue;
                }
                unknownFields(m, MILESTONE_FIELDS, at, errors);
                String name = text(m.get("name"), at + "name", 120, errors);
                if (name == null && (m.get("name") == null || m.get("name").isNull())) {
                    errors.add(new FieldError(at + "name", "is required"));
                }
                BigDecimal amount = money(m.get("amount"), at + "amount", errors);
                JsonNode c = m.get("currency");
                if (c != null && !c.isNull() && !(c.isTextual() && c.asText().equals(currency))) {
                    errors.add(new FieldError(at + "currency", "must be " + currency + ", the deal's currency"));
                }
                String trigger = text(m.get("trigger"), at + "trigger", 20, errors);
                if (trigger == null || !TRIGGERS.contains(trigger)) {
                    errors.add(new FieldError(at + "trigger", "must be on_date, on_deal_won or by_hand"));
                }
                LocalDate invoiceOn = date(m.get("invoiceOn"), at + "invoiceOn", errors);
                if ("on_date".equals(trigger)
                        && invoiceOn == null
                        && (m.get("invoiceOn") == null || m.get("invoiceOn").isNull())) {
                    errors.add(
                            new FieldError(at + "invoiceOn", "is required when the milestone is invoiced on a date"));
                }
                int netDays = 14;
                JsonNode n = m.get("netDays");
                if (n != null && !n.isNull()) {
                    if (!n.isIntegralNumber() || n.asLong() < 0 || n.asLong() > 365) {
                        errors.add(new FieldError(at + "netDays", "must be a whole number of days from 0 to 365"));
                    } else {
                        netDays = n.asInt();
                    }
                }
                milestones.add(new PaymentStore.NewMilestone(
                        name, amount, trigger, "on_date".equals(trigger) ? invoiceOn : null, netDays));
            }
        }
        throwIf(errors);
        return milestones;
    }

    private static void throwIf(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new Problem(
                    400,
                    "validation",
                    "Invalid request",
                    errors.get(0).field() + ": " + errors.get(0).message(),
                    errors);
        }
    }

    private static void unknownFields(JsonNode body, Set<String> allowed, String prefix, List<FieldError> errors) {
        if (body == null) {
            return;
        }
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                errors.add(new FieldError(prefix + f, "is not a field here"));
            }
        }
    }

    private static String text(JsonNode v, String field, int max, List<FieldError> errors) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank() || v.asText().length() > max) {
            errors.add(new FieldError(field, "must be text of 1 to " + max + " characters"));
            return null;
        }
        return v.asText().strip();
    }

    /** A positive amount with at most two decimals, as a JSON number or a decimal string (no floats on the way). */
    private static BigDecimal money(JsonNode v, String field, List<FieldError> errors) {
        BigDecimal amount = null;
        if (v != null && (v.isNumber() || v.isTextual())) {
            try {
                amount = v.isNumber()
                        ? v.decimalValue()
                        : new BigDecimal(v.asText().strip());
            } catch (NumberFormatException e) {
                amount = null;
            }
        }
        if (amount == null
                || amount.signum() <= 0
                || amount.stripTrailingZeros().scale() > 2
                || amount.compareTo(new BigDecimal("9999999999999999")) > 0) {
            errors.add(new FieldError(field, "must be a positive amount with at most two decimals"));
            return BigDecimal.ONE;
        }
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    private static LocalDate date(JsonNode v, String field, List<FieldError> errors) {
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            if (v.isTextual()) {
                return LocalDate.parse(v.asText());
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(new FieldError(field, "must be a date such as 2026-03-31"));
        return null;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
