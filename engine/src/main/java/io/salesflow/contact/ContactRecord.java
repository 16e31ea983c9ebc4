package io.salesflow.contact;

import io.salesflow.records.FieldType;
import io.salesflow.records.RecordField;
import io.salesflow.records.RecordType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The contact as the shared record machinery sees it: fields the list API filters and sorts by. */
@Configuration(proxyBeanMethods = false)
class ContactRecord {

    static final String TYPE = "contact";

    static final RecordType CONTACT = RecordType.builder(TYPE, "contacts")
            .permissions("contacts:read", "contacts:write")
            .field(RecordField.text("firstName", "first_name"))
            .field(RecordField.text("lastName", "last_name"))
            .field(RecordField.text("title", "title"))
            .field(RecordField.uuid("accountId", "account_id"))
            .field(RecordField.text("accountRole", "account_role"))
            .field(RecordField.text("email", "email"))
            .field(RecordField.tags("emails", "emails"))
            .field(RecordField.text("phone", "phone"))
            .field(RecordField.tags("phones", "phones"))
            .field(RecordField.json("social", "social"))
            .field(RecordField.text("status", "status"))
            .field(RecordField.text("source", "source"))
            .field(RecordField.bool("emailOptIn", "email_opt_in"))
            .field(RecordField.bool("smsOptIn", "sms_opt_in"))
            .field(RecordField.bool("whatsappOptIn", "whatsapp_opt_in"))
            .field(RecordField.readOnly("consentUpdatedAt", "consent_updated_at", FieldType.TIMESTAMP))
            .field(RecordField.text("preferredLanguage", "preferred_language"))
            .field(RecordField.text("timeZone", "time_zone"))
            .field(RecordField.tags("tags", "tags"))
            .field(RecordField.json("customFields", "custom_fields"))
            .setBySalesflow("consentUpdatedAt")
            .maxLength("firstName", 100)
            .maxLength("lastName", 100)
            .maxLength("title", 200)
            .values("accountRole", ContactRoles.ALL)
            .maxLength("email", 254)
            .values("status", ContactInput.STATUSES)
            .values("source", ContactInput.SOURCES)
            .maxLength("preferredLanguage", 35)
            .maxLength("timeZone", 64)
            .example("firstName", "Ada")
            .example("lastName", "Lovelace")
            .example("title", "Chief Engineer")
            .example("email", "ada@analytical.example")
            .example("emailOptIn", true)
            .example("timeZone", "America/New_York")
            .embed("owner", "owner_id", "users", "display_name", "email")
            .embed("team", "team_id", "teams", "name")
            .embed("account", "account_id", "accounts", "name", "domain")
            .searchable("concat_ws(' ', r.first_name, r.last_name)", "concat_ws(' · ', r.title, r.email)")
            .build();

    @Bean
    RecordType contactRecordType() {
        return CONTACT;
    }
}
