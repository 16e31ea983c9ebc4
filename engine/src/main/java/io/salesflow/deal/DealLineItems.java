package io.salesflow.deal;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.audit.AuditLog;
import io.salesflow.platform.problem.Problem;
import io.salesflow.records.FieldHistory;
import io.salesflow.records.RecordInput;
import io.salesflow.records.RecordLifecycle;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a deal sells, line by line. Reading needs the deal readable, replacing the lines needs it writable; a
 * change is kept in the deal's field history and audited. The total of each line is computed by the database.
 */
@Service
public class DealLineItems {

    /** A deal has at most this many lines: a contract prints them all. */
    public static final int MAX_LINES = 200;

    private static final BigDecimal MAX_QUANTITY = new BigDecimal("9999999999");
    private static final BigDecimal MAX_PRICE = new BigDecimal("99999999999999");
    private static final Set<String> FIELDS =
            Set.of("product", "description", "quantity", "unitPrice", "discountPercent");

    private final DealRepository deals;
    private final RecordLifecycle records;
    private final JdbcTemplate jdbc;
    private final FieldHistory history;
    private final AuditLog audit;

    DealLineItems(
            DealRepository deals, RecordLifecycle records, JdbcTemplate jdbc, FieldHistory history, AuditLog audit) {
        this.deals = deals;
        this.records = records;
        this.jdbc = jdbc;
        this.history = history;
        this.audit = audit;
    }

    /** One line of a deal; {@code total} is quantity × unit price less the discount, rounded to cents. */
    public record DealLineItem(
            UUID id,
            int position,
            String product,
            String description,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal discountPercent,
            BigDecimal total) {}

    /** The lines of a deal the caller may read, in order; 404 for any other deal. */
    @Transactional(readOnly = true)
    public List<DealLineItem> of(UUID dealId) {
        if (!records.isLive(DealRecord.DEAL, dealId)) {
            throw Problem.notFound("Deal", dealId);
        }
        return lines(dealId);
    }

    /** The lines of a deal of the current tenant, on the system's authority (a contract being generated). */
    @Transactional(readOnly = true)
    public List<DealLineItem> lines(UUID dealId) {
        return jdbc.query(
                """
                SELECT id, position, product, description, quantity, unit_price, discount_percent, total
                FROM deal_line_items WHERE deal_id = ? ORDER BY position LIMIT ?
                """,
                DealLineItems::line,
                dealId,
                MAX_LINES);
    }

    /**
     * Replaces the deal's lines with {@code body}: {@code [{"product", "description", "quantity", "unitPrice",
     * "discountPercent"}]}; a refused list changes nothing.
     */
    @Transactional
    public List<DealLineItem> replace(UUID dealId, JsonNode body, String ifMatch) {
        Deal deal = records.writable(DealRecord.DEAL, deals, dealId, ifMatch);
        if (body == null || !body.isArray()) {
            throw Problem.invalid(
                    "body", "must be a list of {product, description, quantity, unitPrice, discountPercent}");
        }
        if (body.size() > MAX_LINES) {
            throw Problem.invalid("body", "must have at most " + MAX_LINES + " lines");
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode item = body.get(i);
            String at = "[" + i + "]";
            if (!item.isObject()) {
                throw Problem.invalid(at, "must be an object with product, quantity and unitPrice");
            }
            item.fieldNames().forEachRemaining(name -> {
                if (!FIELDS.contains(name)) {
                    throw RecordInput.unknown(at + "." + name);
                }
            });
            String product = RecordInput.requiredText(at + ".product", item.get("product"), 200);
            String description = RecordInput.text(at + ".description", item.get("description"), 2000);
            BigDecimal quantity = number(at + ".quantity", item.get("quantity"), 4, MAX_QUANTITY, true);
            BigDecimal unitPrice = number(at + ".unitPrice", item.get("unitPrice"), 2, MAX_PRICE, true);
            BigDecimal discount = item.hasNonNull("discountPercent")
                    ? number(at + ".discountPercent", item.get("discountPercent"), 2, new BigDecimal("100"), false)
                    : BigDecimal.ZERO;
            if (quantity.signum() <= 0) {
                throw Problem.invalid(at + ".quantity", "must be more than 0");
            }
            rows.add(new Object[] {UUID.randomUUID(), dealId, i, product, description, quantity, unitPrice, discount});
        }
        Map<String, Object> before = Map.of("lineItems", summary(lines(dealId)));
        jdbc.update("DELETE FROM deal_line_items WHERE deal_id = ?", dealId);
        jdbc.batchUpdate(
                """
                INSERT INTO deal_line_items
                    (id, deal_id, position, product, description, quantity, unit_price, discount_percent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                rows);
        List<DealLineItem> after = lines(dealId);
        Map<String, Object> changed = Map.of("lineItems", summary(after));
        history.record(DealRecord.TYPE, dealId, before, changed);
        audit.record("deal.line_items_changed", DealRecord.TYPE, dealId, before, changed);
        deal.contactsChanged();
        deals.saveAndFlush(deal);
        return after;
    }

    private static BigDecimal number(String field, JsonNode value, int scale, BigDecimal max, boolean required) {
        if (value == null || value.isNull()) {
            if (required) {
                throw Problem.invalid(field, "is required");
            }
            return BigDecimal.ZERO;
        }
        if (!value.isNumber()) {
            throw Problem.invalid(field, "must be a number");
        }
        BigDecimal number = value.decimalValue();
        if (number.signum() < 0) {
            throw Problem.invalid(field, "must not be negative");
        }
        if (number.compareTo(max) > 0) {
            throw Problem.invalid(field, "must be at most " + max.toPlainString());
        }
        if (number.stripTrailingZeros().scale() > scale) {
            throw Problem.invalid(field, "must have at most " + scale + " decimals");
        }
        return number;
    }

    private static List<Map<String, Object>> summary(List<DealLineItem> lines) {
        return lines.stream()
                .map(l -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("product", l.product());
                    m.put("quantity", l.quantity().toPlainString());
                    m.put("unitPrice", l.unitPrice().toPlainString());
                    m.put("discountPercent", l.discountPercent().toPlainString());
                    return m;
                })
                .toList();
    }

    private static DealLineItem line(ResultSet rs, int n) throws SQLException {
        return new DealLineItem(
                rs.getObject("id", UUID.class),
                rs.getInt("position"),
                rs.getString("product"),
                rs.getString("description"),
                new BigDecimal(rs.getBigDecimal("quantity").stripTrailingZeros().toPlainString()),
                rs.getBigDecimal("unit_price"),
                rs.getBigDecimal("discount_percent"),
                rs.getBigDecimal("total"));
    }
}
