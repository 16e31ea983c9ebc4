package io.salesflow.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.account.Accounts;
import io.salesflow.contact.Contacts;
import io.salesflow.deal.Deals;
import io.salesflow.platform.problem.Problem;
import io.salesflow.records.RecordInput;
import io.salesflow.records.RecordLifecycle;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Converts a qualified lead in one transaction: links or creates its account (from the company), links or
 * creates its contact (from the person), optionally creates a deal, and marks the lead converted. Anything
 * refused on the way undoes all of it; field errors of the parts are named {@code account.*},
 * {@code contact.*} and {@code deal.*}.
 */
@Service
public class LeadConversion {

    private static final Set<String> FIELDS = Set.of("accountId", "account", "contactId", "contact", "deal");

    private final LeadRepository leads;
    private final RecordLifecycle records;
    private final Accounts accounts;
    private final Contacts contacts;
    private final Deals deals;
    private final ApplicationEventPublisher events;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    LeadConversion(
            LeadRepository leads,
            RecordLifecycle records,
            Accounts accounts,
            Contacts contacts,
            Deals deals,
            ApplicationEventPublisher events,
            ObjectMapper objectMapper,
            Clock clock) {
        this.leads = leads;
        this.records = records;
        this.accounts = accounts;
        this.contacts = contacts;
        this.deals = deals;
        this.events = events;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** What the lead became; {@code dealId} is null without a deal. */
    public record ConvertedLead(UUID leadId, UUID contactId, UUID accountId, UUID dealId) {}

    @Transactional
    public ConvertedLead convert(UUID leadId, ObjectNode body, String ifMatch) {
        Lead lead = records.writable(LeadRecord.LEAD, leads, leadId, ifMatch);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw RecordInput.unknown(name);
            }
        }
        if (lead.status() != LeadStatus.QUALIFIED) {
            throw Problem.invalid(
                    "status",
                    "only a qualified lead can be converted; this one is "
                            + lead.status().code());
        }
        Map<String, Object> before = lead.snapshot();
        UUID accountId = account(lead, body);
        UUID contactId = contact(lead, body, accountId);
        UUID dealId = deal(body, accountId);
        lead.convert(contactId, accountId, dealId, clock.instant());
        records.changed(LeadRecord.LEAD, leads, lead, before);
        events.publishEvent(new LeadConverted(lead.getTenantId(), leadId, contactId, accountId, dealId));
        return new ConvertedLead(leadId, contactId, accountId, dealId);
    }

    private UUID account(Lead lead, ObjectNode body) {
        UUID linked = RecordInput.uuid("accountId", body.get("accountId"));
        if (linked != null) {
            if (!accounts.isLive(linked)) {
                throw Problem.invalid("accountId", "no account " + linked);
            }
            return linked;
        }
        ObjectNode account = part(body, "account");
        putIfAbsent(account, "name", lead.getCompany());
        if (!account.hasNonNull("name")) {
            return null;
        }
        putIfAbsent(account, "website", lead.getWebsite());
        putIfAbsent(account, "industry", lead.getIndustry());
        putIfAbsent(account, "size", lead.getCompanySize());
        return created("account", () -> accounts.add(account));
    }

    private UUID contact(Lead lead, ObjectNode body, UUID accountId) {
        UUID linked = RecordInput.uuid("contactId", body.get("contactId"));
        if (linked != null) {
            if (!contacts.isLive(linked)) {
                throw Problem.invalid("contactId", "no contact " + linked);
            }
            return linked;
        }
        ObjectNode contact = part(body, "contact");
        putIfAbsent(contact, "firstName", lead.getFirstName());
        putIfAbsent(
                contact,
                "lastName",
                lead.getLastName() == null && lead.getFirstName() == null ? lead.getCompany() : lead.getLastName());
        putIfAbsent(contact, "title", lead.getTitle());
        putIfAbsent(contact, "email", lead.getEmail());
        putIfAbsent(contact, "phone", lead.getPhone());
        putIfAbsent(contact, "phoneRegion", lead.getCountry());
        putIfAbsent(contact, "preferredLanguage", lead.getLanguage());
        putIfAbsent(contact, "timeZone", lead.getTimeZone());
        putIfAbsent(contact, "source", lead.getSource());
        if (accountId != null) {
            putIfAbsent(contact, "accountId", accountId.toString());
        }
        return created("contact", () -> contacts.add(contact));
    }

    private UUID deal(ObjectNode body, UUID accountId) {
        if (!body.hasNonNull("deal")) {
            return null;
        }
        ObjectNode deal = part(body, "deal");
        if (accountId != null) {
            putIfAbsent(deal, "accountId", accountId.toString());
        }
        return created("deal", () -> deals.add(deal));
    }

    private ObjectNode part(ObjectNode body, String name) {
        JsonNode part = body.get(name);
        if (part == null || part.isNull()) {
            return objectMapper.createObjectNode();
        }
        if (!part.isObject()) {
            throw Problem.invalid(name, "must be an object of " + name + " fields");
        }
        return ((ObjectNode) part).deepCopy();
    }

    private static void putIfAbsent(ObjectNode node, String field, String value) {
        if (!node.has(field) && value != null) {
            node.put(field, value);
        }
    }

    /** Creates a part, naming its field errors after the part ({@code contact.email}). */
    private static UUID created(String part, java.util.function.Supplier<UUID> create) {
        try {
            return create.get();
        } catch (Problem p) {
            if (p.fieldErrors().isEmpty()) {
                throw p;
            }
            List<Problem.FieldError> errors = p.fieldErrors().stream()
                    .map(e -> new Problem.FieldError(part + "." + e.field(), e.message()))
                    .toList();
            throw new Problem(p.status(), p.type(), p.title(), part + "." + p.getMessage(), errors);
        }
    }
}
