package io.salesflow.lead;

import io.salesflow.records.FieldType;
import io.salesflow.records.RecordField;
import io.salesflow.records.RecordInput;
import io.salesflow.records.RecordType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The lead as the shared record machinery sees it. */
@Configuration(proxyBeanMethods = false)
class LeadRecord {

    static final String TYPE = "lead";

    static final RecordType LEAD = RecordType.builder(TYPE, "leads")
            .permissions("leads:read", "leads:write")
            .field(RecordField.text("firstName", "first_name"))
            .field(RecordField.text("lastName", "last_name"))
            .field(RecordField.text("company", "company"))
            .field(RecordField.text("title", "title"))
            .field(RecordField.text("email", "email"))
            .field(RecordField.text("phone", "phone"))
            .field(RecordField.text("website", "website"))
            .field(RecordField.text("industry", "industry"))
            .field(RecordField.text("companySize", "company_size"))
            .field(RecordField.text("country", "country"))
            .field(RecordField.text("region", "region"))
            .field(RecordField.text("postalCode", "postal_code"))
            .field(RecordField.text("language", "language"))
            .field(RecordField.text("timeZone", "time_zone"))
            .field(RecordField.text("productInterest", "product_interest"))
            .field(RecordField.text("source", "source"))
            .field(RecordField.text("status", "status"))
            .field(RecordField.timestamp("statusChangedAt", "status_changed_at"))
            .field(RecordField.text("unqualifiedReason", "unqualified_reason"))
            .field(RecordField.number("score", "score"))
            .field(RecordField.text("scoreBand", "score_band"))
            .field(RecordField.timestamp("scoredAt", "scored_at"))
            .field(RecordField.timestamp("convertedAt", "converted_at"))
            .field(RecordField.readOnly("convertedContactId", "converted_contact_id", FieldType.UUID))
            .field(RecordField.readOnly("convertedAccountId", "converted_account_id", FieldType.UUID))
            .field(RecordField.readOnly("convertedDealId", "converted_deal_id", FieldType.UUID))
            .field(RecordField.tags("tags", "tags"))
            .field(RecordField.json("customFields", "custom_fields"))
            .setBySalesflow(
                    "statusChangedAt",
                    "score",
                    "scoreBand",
                    "scoredAt",
                    "convertedAt",
                    "convertedContactId",
                    "convertedAccountId",
                    "convertedDealId")
            .required("source")
            .maxLength("firstName", 100)
            .maxLength("lastName", 100)
            .maxLength("company", 200)
            .maxLength("title", 100)
            .maxLength("email", 254)
            .maxLength("phone", 40)
            .maxLength("website", 500)
            .maxLength("industry", 100)
            .values("companySize", RecordInput.COMPANY_SIZE_BANDS)
            .maxLength("country", 2)
            .maxLength("region", 100)
            .maxLength("postalCode", 12)
            .maxLength("language", 35)
            .maxLength("timeZone", 64)
            .maxLength("productInterest", 200)
            .values("source", LeadInput.SOURCES)
            .values("status", LeadInput.STATUSES)
            .maxLength("unqualifiedReason", 500)
            .example("firstName", "Ada")
            .example("lastName", "Lovelace")
            .example("company", "Analytical Engines Ltd")
            .example("email", "ada@analytical.example")
            .example("country", "GB")
            .example("companySize", "11-50")
            .example("source", "web_form")
            .example("status", "new")
            .example("timeZone", "Europe/London")
            .embed("owner", "owner_id", "users", "display_name", "email")
            .embed("team", "team_id", "teams", "name")
            .searchable(
                    "coalesce(nullif(concat_ws(' ', r.first_name, r.last_name), ''), r.company)",
                    "concat_ws(' · ', r.company, r.email, r.status)")
            .labelled("nullif(concat_ws(' · ', nullif(concat_ws(' ', r.first_name, r.last_name), ''), r.company), '')")
            .build();

    @Bean
    RecordType leadRecordType() {
        return LEAD;
    }
}
