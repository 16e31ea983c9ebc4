package io.salesflow.deal;

import io.salesflow.records.RecordField;
import io.salesflow.records.RecordType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The deal as the shared record machinery sees it: fields the list API filters and sorts by. */
@Configuration(proxyBeanMethods = false)
class DealRecord {

    static final String TYPE = "deal";

    static final RecordType DEAL = RecordType.builder(TYPE, "deals")
            .permissions("deals:read", "deals:write")
            .field(RecordField.text("name", "name"))
            .field(RecordField.uuid("accountId", "account_id"))
            .field(RecordField.uuid("pipelineId", "pipeline_id"))
            .field(RecordField.uuid("stageId", "stage_id"))
            .field(RecordField.number("amount", "amount"))
            .field(RecordField.text("currency", "currency"))
            .field(RecordField.number("discountPercent", "discount_percent"))
            .field(RecordField.number("marginPercent", "margin_percent"))
            .field(RecordField.text("region", "region"))
            .field(RecordField.text("status", "status"))
            .field(RecordField.date("expectedCloseDate", "expected_close_date"))
            .field(RecordField.timestamp("stageEnteredAt", "stage_entered_at"))
            .field(RecordField.number("probability", "probability"))
            .field(RecordField.number("weightedAmount", "weighted_amount"))
            .field(RecordField.uuid("wonReasonId", "won_reason_id"))
            .field(RecordField.uuid("lostReasonId", "lost_reason_id"))
            .field(RecordField.timestamp("closedAt", "closed_at"))
            .field(RecordField.text("closeNote", "close_note"))
            .field(RecordField.uuid("approvalId", "approval_id"))
            .field(RecordField.text("approvalStatus", "approval_status"))
            .field(RecordField.tags("tags", "tags"))
            .field(RecordField.json("customFields", "custom_fields"))
            .setBySalesflow("stageEnteredAt", "weightedAmount", "closedAt", "approvalId", "approvalStatus")
            .required("name", "amount", "currency")
            .maxLength("name", 200)
            .maxLength("currency", 10)
            .maxLength("region", 64)
            .values("status", DealStatus.CODES)
            .maxLength("closeNote", 2000)
            .example("name", "Analytical Engines: 40 seats")
            .example("amount", 48000)
            .example("currency", "EUR")
            .example("discountPercent", 10)
            .example("expectedCloseDate", "2026-03-31")
            .embed("owner", "owner_id", "users", "display_name", "email")
            .embed("team", "team_id", "teams", "name")
            .embed("account", "account_id", "accounts", "name", "domain")
            .embed("pipeline", "pipeline_id", "pipelines", "name")
            .embed("stage", "stage_id", "pipeline_stages", "name", "probability")
            .searchable("r.name", "concat_ws(' · ', r.status, r.currency || ' ' || r.amount)")
            .build();

    @Bean
    RecordType dealRecordType() {
        return DEAL;
    }
}
