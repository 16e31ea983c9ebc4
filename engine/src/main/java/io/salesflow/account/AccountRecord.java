package io.salesflow.account;

import io.salesflow.records.RecordField;
import io.salesflow.records.RecordInput;
import io.salesflow.records.RecordType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The account as the shared record machinery sees it: fields the list API filters and sorts by. */
@Configuration(proxyBeanMethods = false)
class AccountRecord {

    static final String TYPE = "account";

    static final RecordType ACCOUNT = RecordType.builder(TYPE, "accounts")
            .permissions("accounts:read", "accounts:write")
            .field(RecordField.text("name", "name"))
            .field(RecordField.text("domain", "domain"))
            .field(RecordField.text("website", "website"))
            .field(RecordField.text("industry", "industry"))
            .field(RecordField.text("size", "size"))
            .field(RecordField.json("billingAddress", "billing_address"))
            .field(RecordField.json("shippingAddress", "shipping_address"))
            .field(RecordField.text("territory", "territory"))
            .field(RecordField.uuid("parentId", "parent_id"))
            .field(RecordField.tags("tags", "tags"))
            .field(RecordField.json("customFields", "custom_fields"))
            .required("name")
            .maxLength("name", 200)
            .maxLength("domain", 253)
            .maxLength("website", 500)
            .maxLength("industry", 100)
            .values("size", RecordInput.COMPANY_SIZE_BANDS)
            .maxLength("territory", 100)
            .example("name", "Analytical Engines Ltd")
            .example("domain", "analytical.example")
            .example("industry", "Manufacturing")
            .example("size", "11-50")
            .embed("owner", "owner_id", "users", "display_name", "email")
            .embed("team", "team_id", "teams", "name")
            .embed("parent", "parent_id", "accounts", "name", "domain")
            .searchable("r.name", "concat_ws(' · ', r.domain, r.industry)")
            .build();

    @Bean
    RecordType accountRecordType() {
        return ACCOUNT;
    }
}
