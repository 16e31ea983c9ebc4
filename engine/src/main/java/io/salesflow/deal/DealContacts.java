package io.salesflow.deal;

import com.fasterxml.jackson.databind.JsonNode;
import io.salesflow.audit.AuditLog;
import io.salesflow.contact.ContactRoles;
import io.salesflow.contact.Contacts;
import io.salesflow.platform.problem.Problem;
import io.salesflow.records.FieldHistory;
import io.salesflow.records.RecordInput;
import io.salesflow.records.RecordLifecycle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contacts of a deal with their roles. Reading needs the deal to be readable; changing needs it writable,
 * and every contact must be one the caller may read. A change is kept in the deal's field history.
 */
@Service
public class DealContacts {

    private final DealRepository deals;
    private final RecordLifecycle records;
    private final Contacts contacts;
    private final JdbcTemplate jdbc;
    private final FieldHistory history;
    private final AuditLog audit;

    DealContacts(
            DealRepository deals,
            RecordLifecycle records,
            Contacts contacts,
            JdbcTemplate jdbc,
            FieldHistory history,
            AuditLog audit) {
        this.deals = deals;
        this.records = records;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.history = history;
        this.audit = audit;
    }

    public record DealContact(
            UUID contactId, String role, boolean primary, String firstName, String lastName, String email) {}

    @Transactional(readOnly = true)
    public List<DealContact> of(UUID dealId) {
        if (!records.isLive(DealRecord.DEAL, dealId)) {
            throw Problem.notFound("Deal", dealId);
        }
        return jdbc.query(
                """
                SELECT dc.contact_id, dc.role, dc.is_primary, c.first_name, c.last_name, c.email
                FROM deal_contacts dc JOIN contacts c ON c.tenant_id = dc.tenant_id AND c.id = dc.contact_id
                WHERE dc.deal_id = ? AND c.deleted_at IS NULL
                ORDER BY dc.is_primary DESC, c.last_name, c.first_name
                """,
                (rs, n) -> new DealContact(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getBoolean(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)),
                dealId);
    }

    /** Replaces the deal's contacts with {@code body}: {@code [{"contactId", "role", "primary"}]}. */
    @Transactional
    public List<DealContact> replace(UUID dealId, JsonNode body, String ifMatch) {
        Deal deal = records.writable(DealRecord.DEAL, deals, dealId, ifMatch);
        if (body == null || !body.isArray()) {
            throw Problem.invalid("body", "must be a list of {contactId, role, primary}");
        }
        List<Object[]> rows = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        int primaries = 0;
        for (int i = 0; i < body.size(); i++) {
            JsonNode item = body.get(i);
            String at = "[" + i + "]";
            if (!item.isObject()) {
                throw Problem.invalid(at, "must be an object with contactId, role and primary");
            }
            item.fieldNames().forEachRemaining(name -> {
                if (!Set.of("contactId", "role", "primary").contains(name)) {
                    throw RecordInput.unknown(at + "." + name);
                }
            });
            UUID contact = RecordInput.uuid(at + ".contactId", item.get("contactId"));
            if (contact == null || !records.isLive(contacts.type(), contact)) {
                throw Problem.invalid(at + ".contactId", "no contact " + (contact == null ? "given" : contact));
            }
            if (!seen.add(contact)) {
                throw Problem.invalid(at + ".contactId", "is in the list twice");
            }
            String role = RecordInput.oneOf(at + ".role", item.get("role"), ContactRoles.ALL);
            if (role == null) {
                throw Problem.invalid(at + ".role", "is required");
            }
            boolean primary = item.path("primary").asBoolean(false);
            if (primary && ++primaries > 1) {
                throw Problem.invalid(at + ".primary", "only one contact can be the primary");
            }
            rows.add(new Object[] {dealId, contact, role, primary});
        }
        Map<String, Object> before = Map.of("contacts", summary(of(dealId)));
        jdbc.update("DELETE FROM deal_contacts WHERE deal_id = ?", dealId);
        jdbc.batchUpdate("INSERT INTO deal_contacts (deal_id, contact_id, role, is_primary) VALUES (?, ?, ?, ?)", rows);
        List<DealContact> after = of(dealId);
        Map<String, Object> changed = Map.of("contacts", summary(after));
        history.record(DealRecord.TYPE, dealId, before, changed);
        audit.record("deal.contacts_changed", DealRecord.TYPE, dealId, before, changed);
        deal.contactsChanged();
        deals.saveAndFlush(deal);
        return after;
    }

    private static List<Map<String, Object>> summary(List<DealContact> contacts) {
        return contacts.stream()
                .map(c -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("contactId", c.contactId().toString());
                    m.put("role", c.role());
                    m.put("primary", c.primary());
                    return m;
                })
                .toList();
    }
}
