package io.salesflow.payment;

import java.math.BigDecimal;
import java.util.List;

/**
 * Open, overdue and paid milestones, counted and summed per currency: {@code open} is what is planned or invoiced
 * and not yet due (its amount what remains to pay), {@code overdue} what is invoiced and past its due date (what
 * remains), {@code paid} what is paid in full (the milestones' amounts).
 */
public record FinanceFigures(List<CurrencyFigure> open, List<CurrencyFigure> overdue, List<CurrencyFigure> paid) {

    /** One currency's count and amount. */
    public record CurrencyFigure(String currency, long count, BigDecimal amount) {}
}
