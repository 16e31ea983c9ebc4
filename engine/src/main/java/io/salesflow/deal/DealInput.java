package io.salesflow.deal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.platform.input.TimeRange;
import io.salesflow.platform.problem.Problem;
import io.salesflow.records.RecordInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/**
 * Applies a JSON body to a deal field by field (merge-patch meaning, see {@link RecordInput}). Plain fields go
 * onto the deal at once; what moves the deal in its pipeline comes back as a {@link Request} for the service to
 * resolve. Every rule names its field and unknown fields are refused.
 */
final class DealInput {

    /** The moves a body asks for: a null pipeline, stage or status was not asked for. */
    record Request(
            Given<UUID> accountId,
            UUID pipelineId,
            UUID stageId,
            DealStatus status,
            Given<Integer> probability,
            Given<UUID> wonReasonId,
            Given<UUID> lostReasonId) {

        boolean movesTheDeal() {
            return pipelineId != null
                    || stageId != null
                    || status != null
                    || probability.sent()
                    || wonReasonId.sent()
                    || lostReasonId.sent();
        }
    }

    private DealInput() {}

    static Request apply(ObjectNode body, Deal deal, RecordInput.Assignment assignment, boolean creating) {
        if (creating) {
            DealRecord.DEAL.required().stream()
                    .filter(f -> !body.hasNonNull(f))
                    .findFirst()
                    .ifPresent(f -> {
                        throw Problem.invalid(f, "is required");
                    });
        }
        Given<UUID> accountId = Given.notSent();
        UUID pipelineId = null;
        UUID stageId = null;
        DealStatus status = null;
        Given<Integer> probability = Given.notSent();
        Given<UUID> wonReasonId = Given.notSent();
        Given<UUID> lostReasonId = Given.notSent();
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String field = e.getKey();
            JsonNode v = e.getValue();
            if (RecordInput.common(field, v, deal, assignment)) {
                continue;
            }
            switch (field) {
                case "name" -> deal.setName(RecordInput.requiredText(field, v, DealRecord.DEAL.maxLength(field)));
                case "amount" -> deal.setAmount(decimal(field, v, "1250.50"));
                case "discountPercent" -> deal.setDiscountPercent(v.isNull() ? null : decimal(field, v, "12.5"));
                case "marginPercent" -> deal.setMarginPercent(v.isNull() ? null : decimal(field, v, "32.5"));
                case "region" -> deal.setRegion(RecordInput.text(field, v, DealRecord.DEAL.maxLength(field)));
                case "currency" ->
                    deal.setCurrency(RecordInput.requiredText(field, v, DealRecord.DEAL.maxLength(field)));
                case "expectedCloseDate" -> deal.setExpectedCloseDate(date(field, v));
                case "closeNote" -> deal.setCloseNote(RecordInput.text(field, v, DealRecord.DEAL.maxLength(field)));
                case "accountId" -> accountId = Given.of(RecordInput.uuid(field, v));
                case "pipelineId" -> pipelineId = requiredId(field, v);
                case "stageId" -> stageId = requiredId(field, v);
                case "status" -> status = status(field, v);
                case "probability" -> probability = Given.of(percent(field, v));
                case "wonReasonId" -> wonReasonId = Given.of(RecordInput.uuid(field, v));
                case "lostReasonId" -> lostReasonId = Given.of(RecordInput.uuid(field, v));
                case "weightedAmount", "stageEnteredAt", "closedAt", "approvalId", "approvalStatus" ->
                    throw Problem.invalid(field, "is derived by the deal and cannot be set");
                default -> throw RecordInput.unknown(field);
            }
        }
        return new Request(accountId, pipelineId, stageId, status, probability, wonReasonId, lostReasonId);
    }

    /** JSON numbers arrive as exact decimals (see application.yml); a string keeps every digit too. */
    private static BigDecimal decimal(String field, JsonNode v, String example) {
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual() && v.asText().length() <= 40) {
            try {
                return new BigDecimal(v.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw Problem.invalid(field, "must be a decimal number such as " + example);
    }

    private static DealStatus status(String field, JsonNode v) {
        String code = RecordInput.oneOf(field, v, DealRecord.DEAL.values(field));
        if (code == null) {
            throw Problem.invalid(field, "must not be empty");
        }
        return DealStatus.of(code);
    }

    private static Integer percent(String field, JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > 100) {
            throw Problem.invalid(field, "must be a whole number from 0 to 100, or null for the stage's");
        }
        return v.asInt();
    }

    private static LocalDate date(String field, JsonNode v) {
        String s = RecordInput.text(field, v, 10);
        try {
            return s == null ? null : TimeRange.check(field, LocalDate.parse(s));
        } catch (DateTimeParseException e) {
            throw Problem.invalid(field, "must be a date like 2025-06-30");
        }
    }

    private static UUID requiredId(String field, JsonNode v) {
        UUID id = RecordInput.uuid(field, v);
        if (id == null) {
            throw Problem.invalid(field, "cannot be cleared: a deal always has one");
        }
        return id;
    }
}
