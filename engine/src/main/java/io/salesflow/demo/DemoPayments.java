package io.salesflow.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.identity.Caller;
import io.salesflow.identity.OnBehalf;
import io.salesflow.payment.PaymentPlans;
import io.salesflow.payment.PaymentProcess;
import io.salesflow.platform.request.RequestContext;
import io.salesflow.platform.request.RequestMetadata;
import io.salesflow.process.RecordProcesses;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A deal whose payment plan is under way, for finance to look at: the rep's largest won-looking deal gets three
 * milestones, the plan runs, the deposit is paid, the second waits for payment and the third's invoice is already
 * past its due date (dated back, as if it had been sent weeks ago). Looks before it acts: loading again changes
 * nothing.
 */
@Component
class DemoPayments {

    private final JdbcTemplate jdbc;
    private final OnBehalf onBehalf;
    private final PaymentPlans plans;
    private final PaymentProcess payments;
    private final RecordProcesses processes;
    private final ObjectMapper json;
    private final TransactionTemplate transactions;

    DemoPayments(
            JdbcTemplate jdbc,
            OnBehalf onBehalf,
            PaymentPlans plans,
            PaymentProcess payments,
            RecordProcesses processes,
            ObjectMapper json,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.onBehalf = onBehalf;
        this.plans = plans;
        this.payments = payments;
        this.processes = processes;
        this.json = json;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** For the current tenant: {@code rep} owns the deal, {@code finance} records the deposit. */
    void load(UUID tenant, UUID rep, UUID finance) {
        Integer planned =
                transactions.execute(s -> jdbc.queryForObject("SELECT count(*) FROM payment_plans", Integer.class));
        if (planned != null && planned > 0) {
            return;
        }
        List<Map<String, Object>> deals = transactions.execute(s -> jdbc.queryForList(
                """
                SELECT d.id, d.amount FROM deals d
                WHERE d.owner_id = ? AND d.status = 'open' AND d.deleted_at IS NULL AND d.amount >= 1000
                  AND NOT EXISTS (SELECT 1 FROM deal_approvals a WHERE a.deal_id = d.id)
                ORDER BY d.amount DESC, d.id LIMIT 1
                """,
                rep));
        if (deals.isEmpty()) {
            return;
        }
        UUID deal = (UUID) deals.get(0).get("id");
        BigDecimal amount = (BigDecimal) deals.get(0).get("amount");
        BigDecimal deposit = amount.multiply(new BigDecimal("0.3")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal golive = amount.multiply(new BigDecimal("0.4")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal last = amount.subtract(deposit).subtract(golive);
        as(
                rep,
                Set.of("deals:read", "deals:write"),
                () -> plans.replace(
                        deal,
                        json.valueToTree(Map.of(
                                "milestones",
                                List.of(
                                        milestone("Deposit", deposit),
                                        milestone("Go-live", golive),
                                        milestone("Final payment", last)))),
                        null));
        as(rep, Set.of("deals:read", "deals:write"), () -> plans.start(deal, null));
        // At once rather than when the started plan's event is handled: the deposit is paid next.
        transactions.executeWithoutResult(
                s -> processes.start(tenant, "payment.plan_started", "deal", deal, Map.of("dealId", deal.toString())));
        List<UUID> milestones = transactions.execute(s -> jdbc.queryForList(
                "SELECT id FROM payment_milestones WHERE deal_id = ? ORDER BY position", UUID.class, deal));
        if (milestones.size() != 3) {
            return;
        }
        as(finance, Set.of("deals:read", "invoices:write", "process:operate"), () -> {
            payments.deliverPayment(milestones.get(0), deposit, null, "demo-deposit");
            return null;
        });
        transactions.executeWithoutResult(s -> {
            jdbc.update("UPDATE payment_milestones SET due_on = current_date - 12 WHERE id = ?", milestones.get(2));
            jdbc.update(
                    """
                    UPDATE invoices SET issued_on = current_date - 26, due_on = current_date - 12
                    WHERE id = (SELECT invoice_id FROM payment_milestones WHERE id = ?)
                    """,
                    milestones.get(2));
        });
    }

    private static Map<String, Object> milestone(String name, BigDecimal amount) {
        return Map.of("name", name, "amount", amount.toPlainString(), "trigger", "on_deal_won");
    }

    private <T> void as(UUID user, Set<String> permissions, java.util.function.Supplier<T> work) {
        Caller caller =
                transactions.execute(s -> onBehalf.caller(user, permissions)).orElseThrow();
        RequestContext.Actor actor = new RequestContext.Actor(RequestContext.Actor.Type.USER, user, caller.name());
        onBehalf.call(caller, actor, new RequestMetadata("demo", null, null), work);
    }
}
