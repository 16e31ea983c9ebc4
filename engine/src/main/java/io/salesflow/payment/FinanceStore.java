package io.salesflow.payment;

import io.salesflow.records.SqlPart;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The finance queries: figures aggregated in SQL over the milestones the caller may read (grouped by currency, read
 * from the covering status index) and the milestones in one state, a keyset page at a time.
 */
@Component
class FinanceStore {

    private static final String OVERDUE = "m.status IN ('invoiced', 'partially_paid') AND m.due_on < ?";
    private static final String OPEN =
            "m.status IN ('planned', 'invoiced', 'partially_paid') AND (m.due_on IS NULL OR m.due_on >= ?)";

    private final JdbcTemplate jdbc;

    FinanceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    FinanceFigures figures(SqlPart access, UUID dealId, String currency, LocalDate today) {
        List<Object> params = new ArrayList<>();
        Date day = Date.valueOf(today);
        params.add(day);
        params.add(day);
        params.add(day);
        params.add(day);
        StringBuilder where = new StringBuilder(" WHERE (" + access.sql() + ")");
        params.addAll(access.params());
        if (dealId != null) {
            where.append(" AND m.deal_id = ?");
            params.add(dealId);
        }
        if (currency != null) {
            where.append(" AND m.currency = ?");
            params.add(currency);
        }
        List<FinanceFigures.CurrencyFigure> open = new ArrayList<>();
        List<FinanceFigures.CurrencyFigure> overdue = new ArrayList<>();
        List<FinanceFigures.CurrencyFigure> paid = new ArrayList<>();
        jdbc.query(
                "SELECT m.currency,"
                        + " count(*) FILTER (WHERE " + OPEN + ") AS open_count,"
                        + " coalesce(sum(m.amount - m.paid_amount) FILTER (WHERE " + OPEN + "), 0) AS open_amount,"
                        + " count(*) FILTER (WHERE " + OVERDUE + ") AS overdue_count,"
                        + " coalesce(sum(m.amount - m.paid_amount) FILTER (WHERE " + OVERDUE + "), 0)"
                        + " AS overdue_amount,"
                        + " count(*) FILTER (WHERE m.status = 'paid') AS paid_count,"
                        + " coalesce(sum(m.amount) FILTER (WHERE m.status = 'paid'), 0) AS paid_amount"
                        + " FROM payment_milestones m JOIN deals d ON d.tenant_id = m.tenant_id AND d.id = m.deal_id"
                        + where
                        + " GROUP BY m.currency ORDER BY m.currency",
                rs -> {
                    String c = rs.getString("currency").trim();
                    add(open, c, rs.getLong("open_count"), rs.getBigDecimal("open_amount"));
                    add(overdue, c, rs.getLong("overdue_count"), rs.getBigDecimal("overdue_amount"));
                    add(paid, c, rs.getLong("paid_count"), rs.getBigDecimal("paid_amount"));
                },
                expand(params));
        return new FinanceFigures(open, overdue, paid);
    }

    private static void add(
            List<FinanceFigures.CurrencyFigure> figures, String currency, long count, BigDecimal amount) {
        if (count > 0) {
            figures.add(new FinanceFigures.CurrencyFigure(currency, count, amount));
        }
    }

    /**
     * One page of milestones in {@code state} ({@code overdue}, {@code awaiting} payment or {@code paid}), by due
     * date: {@code limit + 1} rows, after the (due date, id) of the last row of the previous page.
     */
    List<PaymentMilestone> page(
            SqlPart access,
            String state,
            UUID dealId,
            String currency,
            LocalDate today,
            LocalDate afterDue,
            UUID afterId,
            int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE (" + access.sql() + ")");
        params.addAll(access.params());
        switch (state) {
            case "overdue" -> {
                where.append(" AND ").append(OVERDUE);
                params.add(Date.valueOf(today));
            }
            case "awaiting" -> where.append(" AND m.status IN ('invoiced', 'partially_paid')");
            default -> where.append(" AND m.status = 'paid'");
        }
        if (dealId != null) {
            where.append(" AND m.deal_id = ?");
            params.add(dealId);
        }
        if (currency != null) {
            where.append(" AND m.currency = ?");
            params.add(currency);
        }
        if (afterDue != null) {
            where.append(" AND (m.due_on, m.id) > (?, ?)");
            params.add(Date.valueOf(afterDue));
            params.add(afterId);
        }
        params.add(limit + 1);
        return jdbc.query(
                "SELECT " + PaymentStore.MILESTONE_COLUMNS + PaymentStore.MILESTONE_FROM + where
                        + " ORDER BY m.due_on, m.id LIMIT ?",
                (rs, i) -> PaymentStore.milestone(rs, today),
                expand(params));
    }

    /** Arrays of ids stay arrays (the access predicate's team ids); everything else as is. */
    private static Object[] expand(List<Object> params) {
        return params.toArray();
    }
}
