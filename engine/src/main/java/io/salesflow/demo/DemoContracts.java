package io.salesflow.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.contract.ContractTemplates;
import io.salesflow.contract.Contracts;
import io.salesflow.deal.DealContacts;
import io.salesflow.deal.DealLineItems;
import io.salesflow.email.EmailTemplates;
import io.salesflow.identity.Caller;
import io.salesflow.identity.OnBehalf;
import io.salesflow.platform.request.RequestContext;
import io.salesflow.platform.request.RequestMetadata;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the demo workspace a contract template (with its invitation email) and one of the rep's deals line items, a
 * signer and a generated contract ready to send. It is not sent: the demo workspace has no email sender, and sending
 * is what the contract-signing process does once an admin sets one up. Loading again changes nothing.
 */
@Component
class DemoContracts {

    static final String TEMPLATE =
            """
            <html><head><style>
            body { font-family: sans-serif; font-size: 10pt; } h1 { font-size: 16pt; }
            table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #999; padding: 4px; }
            </style></head><body>
            <h1>{{contract.title}}</h1>
            <p>Between Acme Corporation and {{account.name}}, about {{deal.name}}, dated {{contract.date}}.</p>
            <table><tr><th>#</th><th>Product</th><th>Quantity</th><th>Unit price</th><th>Discount</th><th>Total</th></tr>
            {{#lineItems}}<tr><td>{{position}}</td><td>{{product}}<br/>{{description}}</td><td>{{quantity}}</td>
            <td>{{unitPrice}}</td><td>{{discountPercent}}%</td><td>{{total}}</td></tr>{{/lineItems}}</table>
            <p><b>Total: {{currency}} {{total}}</b></p>
            <p>Acme's contact: {{deal.owner.name}} ({{deal.owner.email}}).</p>
            <p>Signed electronically by: {{#signers}}{{name}} ({{email}}); {{/signers}}</p>
            </body></html>
            """;

    private final JdbcTemplate jdbc;
    private final OnBehalf onBehalf;
    private final TransactionTemplate transactions;
    private final EmailTemplates emailTemplates;
    private final ContractTemplates templates;
    private final Contracts contracts;
    private final DealLineItems lineItems;
    private final DealContacts dealContacts;
    private final ObjectMapper json;

    DemoContracts(
            JdbcTemplate jdbc,
            OnBehalf onBehalf,
            PlatformTransactionManager transactionManager,
            EmailTemplates emailTemplates,
            ContractTemplates templates,
            Contracts contracts,
            DealLineItems lineItems,
            DealContacts dealContacts,
            ObjectMapper json) {
        this.jdbc = jdbc;
        this.onBehalf = onBehalf;
        this.transactions = new TransactionTemplate(transactionManager);
        this.emailTemplates = emailTemplates;
        this.templates = templates;
        this.contracts = contracts;
        this.lineItems = lineItems;
        this.dealContacts = dealContacts;
        this.json = json;
    }

    /** For the current tenant: {@code admin} writes the templates, {@code rep} prepares the contract. */
    void load(UUID admin, UUID rep) {
        Integer existing = transactions.execute(
                s -> jdbc.queryForObject("SELECT count(*) FROM contract_templates", Integer.class));
        if (existing != null && existing > 0) {
            return;
        }
        Caller adminCaller = transactions
                .execute(s -> onBehalf.caller(admin, Set.of("tenant:manage")))
                .orElseThrow();
        UUID template = as(adminCaller, () -> {
            EmailTemplates.EmailTemplateView email = emailTemplates.create(
                    "Contract signing request (demo)",
                    new EmailTemplates.Parts(
                            "{{vars.subject}}",
                            null,
                            "Hello {{record.firstName}},\n\n{{vars.message}}\n{{vars.link}}\n\n{{owner.name}}"));
            return templates
                    .create(new ContractTemplates.ContractTemplateInput(
                            "Standard sales agreement", TEMPLATE, email.id()))
                    .id();
        });
        List<Map<String, Object>> candidates = transactions.execute(s -> jdbc.queryForList(
                """
                SELECT d.id AS deal, c.id AS contact FROM deals d
                JOIN pipelines p ON p.id = d.pipeline_id AND p.is_default
                JOIN pipeline_stages s ON s.id = d.stage_id AND NOT s.closed AND NOT s.requires_approval
                JOIN contacts c ON c.owner_id = d.owner_id AND c.email IS NOT NULL AND c.deleted_at IS NULL
                WHERE d.owner_id = ? AND d.status = 'open' AND d.deleted_at IS NULL
                ORDER BY d.created_at DESC, d.id, c.created_at, c.id LIMIT 1
                """,
                rep));
        if (candidates.isEmpty()) {
            return;
        }
        UUID deal = (UUID) candidates.get(0).get("deal");
        UUID contact = (UUID) candidates.get(0).get("contact");
        Caller repCaller = transactions
                .execute(s -> onBehalf.caller(rep, Set.of("deals:read", "deals:write", "contacts:read")))
                .orElseThrow();
        as(repCaller, () -> {
            lineItems.replace(
                    deal,
                    json.valueToTree(List.of(
                            Map.of(
                                    "product",
                                    "Salesflow seats",
                                    "description",
                                    "12 months",
                                    "quantity",
                                    25,
                                    "unitPrice",
                                    480,
                                    "discountPercent",
                                    10),
                            Map.of(
                                    "product",
                                    "Onboarding",
                                    "description",
                                    "Two days on site",
                                    "quantity",
                                    1,
                                    "unitPrice",
                                    2400))),
                    null);
            dealContacts.replace(
                    deal,
                    json.valueToTree(List.of(Map.of("contactId", contact, "role", "decision_maker", "primary", true))),
                    null);
            return contracts.generate(
                    deal, new Contracts.GenerateContract(template, "Sales agreement", List.of(contact)));
        });
    }

    private <T> T as(Caller caller, java.util.function.Supplier<T> work) {
        RequestContext.Actor actor =
                new RequestContext.Actor(RequestContext.Actor.Type.USER, caller.userId(), caller.name());
        return onBehalf.call(caller, actor, new RequestMetadata("demo", null, null), work);
    }
}
