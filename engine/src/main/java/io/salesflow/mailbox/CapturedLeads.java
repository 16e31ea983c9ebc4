package io.salesflow.mailbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesflow.activity.Activities;
import io.salesflow.identity.Caller;
import io.salesflow.identity.OnBehalf;
import io.salesflow.lead.Leads;
import io.salesflow.platform.request.RequestContext;
import io.salesflow.platform.request.RequestMetadata;
import io.salesflow.tenancy.TenantScope;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * New mail to a capture mailbox becomes a lead, created as the admin who set the mailbox up, so it goes through the
 * lead intake like any other (scoring, routing, duplicate review). A sender who is already a lead or contact gets no
 * second lead: the message goes on their timeline instead. Either way the message itself is an email activity.
 */
@Component
class CapturedLeads {

    static final Set<String> PERMISSIONS = Set.of("leads:read", "leads:write", "activities:read", "activities:write");
    /** Mail services whose domain says nothing about the sender's company. */
    private static final Set<String> FREE_MAIL = Set.of(
            "gmail.com",
            "googlemail.com",
            "outlook.com",
            "hotmail.com",
            "live.com",
            "yahoo.com",
            "icloud.com",
            "me.com",
            "aol.com",
            "gmx.de",
            "gmx.net",
            "web.de",
            "proton.me",
            "protonmail.com",
            "mail.com");

    private final InboundMails mails;
    private final Leads leads;
    private final Activities activities;
    private final OnBehalf onBehalf;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final TenantScope tenantScope;
    private final TransactionTemplate transactions;

    CapturedLeads(
            InboundMails mails,
            Leads leads,
            Activities activities,
            OnBehalf onBehalf,
            JdbcTemplate jdbc,
            ObjectMapper json,
            TenantScope tenantScope,
            PlatformTransactionManager transactionManager) {
        this.tenantScope = tenantScope;
        this.mails = mails;
        this.leads = leads;
        this.activities = activities;
        this.onBehalf = onBehalf;
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    // The listener's own transaction begins before the tenant is known: TenantScope sets it inside that transaction.
    @ApplicationModuleListener
    void on(InboundMailReceived event) {
        if (!"capture".equals(event.purpose()) || !List.of("NEW", "AUTO_REPLY").contains(event.kind())) {
            return;
        }
        if ("AUTO_REPLY".equals(event.kind())) {
            tenantScope.runAs(
                    event.tenantId(),
                    () -> transactions.executeWithoutResult(status -> mails.lockUnhandled(event.inboundMailId())
                            .ifPresent(
                                    mail -> mails.handled(mail.id(), "IGNORED", null, null, "an automatic answer"))));
            return;
        }
        tenantScope.runAs(
                event.tenantId(), () -> {
                    Optional<Caller> admin = transactions.execute(status -> jdbc
                            .queryForList(
                                    "SELECT created_by FROM mailboxes WHERE id = ?", UUID.class, event.mailboxId())
                            .stream()
                            .findFirst()
                            .flatMap(user -> onBehalf.caller(user, PERMISSIONS)));
                    if (admin == null || admin.isEmpty()) {
                        transactions.executeWithoutResult(status -> mails.lockUnhandled(event.inboundMailId())
                                .ifPresent(mail -> mails.handled(
                                        mail.id(),
                                        "IGNORED",
                                        null,
                                        null,
                                        "the admin who set up the mailbox is no longer active: no lead was created")));
                        return;
                    }
                    RequestContext.Actor actor = new RequestContext.Actor(
                            RequestContext.Actor.Type.USER,
                            admin.get().userId(),
                            admin.get().name());
                    onBehalf.call(
                            admin.get(),
                            actor,
                            new RequestMetadata("mailbox:" + event.mailboxId(), null, null),
                            () -> transactions.execute(status -> {
                                mails.lockUnhandled(event.inboundMailId()).ifPresent(this::capture);
                                return null;
                            }));
                });
    }

    private void capture(InboundMails.Received mail) {
        String from = mail.fromAddress();
        if (from == null || !from.contains("@")) {
            mails.handled(mail.id(), "IGNORED", null, null, "the message has no sender address");
            return;
        }
        Optional<UUID> lead =
                first("SELECT id FROM leads WHERE email = ? AND deleted_at IS NULL ORDER BY created_at LIMIT 1", from);
        Optional<UUID> contact = lead.isPresent()
                ? Optional.empty()
                : first(
                        "SELECT id FROM contacts WHERE email = ? AND deleted_at IS NULL ORDER BY created_at LIMIT 1",
                        from);
        if (lead.isPresent() || contact.isPresent()) {
            String type = lead.isPresent() ? "lead" : "contact";
            UUID id = lead.orElseGet(contact::get);
            logEmail(mail, type, id);
            mails.handled(mail.id(), "MATCHED", type, id, "the sender is already a " + type);
            return;
        }
        ObjectNode body = json.createObjectNode();
        String[] name = names(mail.fromName(), from);
        if (name[0] != null) {
            body.put("firstName", name[0]);
        }
        body.put("lastName", name[1]);
        body.put("email", from);
        String domain = from.substring(from.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (!FREE_MAIL.contains(domain)) {
            body.put("company", domain);
            body.put("website", "https://" + domain);
        }
        body.put("source", "inbound_email");
        UUID leadId = leads.add(body);
        logEmail(mail, "lead", leadId);
        mails.handled(mail.id(), "LEAD_CREATED", "lead", leadId, null);
    }

    private void logEmail(InboundMails.Received mail, String recordType, UUID recordId) {
        ObjectNode activity = json.createObjectNode();
        activity.put("type", "email");
        String subject = mail.subject() == null || mail.subject().isBlank() ? "(no subject)" : mail.subject();
        activity.put("subject", clip("Email from " + mail.fromAddress() + ": " + subject, 200));
        if (mail.text() != null && !mail.text().isBlank()) {
            activity.put("description", clip(mail.text(), 20_000));
        }
        activity.put("status", "completed");
        activity.put("lead".equals(recordType) ? "leadId" : "contactId", recordId.toString());
        activities.add(activity);
    }

    private Optional<UUID> first(String sql, String email) {
        List<UUID> ids = jdbc.queryForList(sql, UUID.class, email.toLowerCase(Locale.ROOT));
        return ids.stream().findFirst();
    }

    /** First and last name from the display name, else the address's local part as the last name. */
    static String[] names(String displayName, String address) {
        String name =
                displayName == null ? "" : displayName.replaceAll("[\"<>]", "").strip();
        if (name.isEmpty() || name.contains("@")) {
            return new String[] {null, clip(address.substring(0, address.indexOf('@')), 100)};
        }
        int comma = name.indexOf(',');
        if (comma > 0) {
            return new String[] {
                clip(name.substring(comma + 1).strip(), 100),
                clip(name.substring(0, comma).strip(), 100)
            };
        }
        int space = name.lastIndexOf(' ');
        return space < 0
                ? new String[] {null, clip(name, 100)}
                : new String[] {clip(name.substring(0, space).strip(), 100), clip(name.substring(space + 1), 100)};
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
