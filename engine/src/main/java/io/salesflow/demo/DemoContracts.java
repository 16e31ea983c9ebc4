package io.salesflow.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.salesflow.contract.ContractSigning;
import io.salesflow.contract.ContractSteps;
import io.salesflow.contract.ContractTemplates;
import io.salesflow.contract.ContractView;
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
 * Gives the demo workspace a contract template (with its invitation email), one of the rep's deals line items, a
 * signer and a generated contract ready to send, and another deal a contract its two signers signed through the
 * signing service (evidence, certificate page, a chain that verifies). The demo workspace has no email sender: the
 * signed one's links were handed over rather than emailed. Loading again changes nothing.
 */
@Component
class DemoContracts {

    static final String READY = "Sales agreement";
    static final String SIGNED = "Signed sales agreement";

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
    private final ContractSigning signing;
    private final ContractSteps steps;

    DemoContracts(
            JdbcTemplate jdbc,
            OnBehalf onBehalf,
            PlatformTransactionManager transactionManager,
            EmailTemplates emailTemplates,
            ContractTemplates templates,
            Contracts contracts,
            DealLineItems lineItems,
            DealContacts dealContacts,
            ObjectMapper json,
            ContractSigning signing,
            ContractSteps steps) {
        this.signing = signing;
        this.steps = steps;
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

    /** For the current tenant: {@code admin} writes the templates, {@code rep} prepares the contracts. */
    void load(UUID admin, UUID rep) {
        UUID template = template(admin);
        Caller repCaller = transactions
                .execute(s -> onBehalf.caller(rep, Set.of("deals:read", "deals:write", "contacts:read")))
                .orElseThrow();
        UUID readyDeal = transactions.execute(s -> jdbc
                .queryForList(
                        "SELECT deal_id FROM contracts WHERE title = ? ORDER BY created_at LIMIT 1", UUID.class, READY)
                .stream()
                .findFirst()
                .orElse(null));
        if (readyDeal == null) {
            readyDeal = readyToSend(template, rep, repCaller);
        }
        Integer signed = transactions.execute(
                s -> jdbc.queryForObject("SELECT count(*) FROM contracts WHERE title = ?", Integer.class, SIGNED));
        if (readyDeal != null && signed != null && signed == 0) {
            signedByBoth(template, rep, repCaller, readyDeal);
        }
    }

    /** The template (and its invitation email), made once. */
    private UUID template(UUID admin) {
        List<UUID> existing = transactions.execute(s -> jdbc.queryForList(
                "SELECT id FROM contract_templates WHERE name = 'Standard sales agreement' ORDER BY created_at LIMIT 1",
                UUID.class));
        if (existing != null && !existing.isEmpty()) {
            return existing.get(0);
        }
        Caller adminCaller = transactions
                .execute(s -> onBehalf.caller(admin, Set.of("tenant:manage")))
                .orElseThrow();
        return as(adminCaller, () -> {
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
    }

    /** The rep's newest open deal gets line items, a signer and a contract ready to send; its id, or null. */
    private UUID readyToSend(UUID template, UUID rep, Caller repCaller) {
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
            return null;
        }
        UUID deal = (UUID) candidates.get(0).get("deal");
        UUID contact = (UUID) candidates.get(0).get("contact");
        as(repCaller, () -> {
            prepare(deal, List.of(contact));
            return contracts.generate(deal, new Contracts.GenerateContract(template, READY, List.of(contact)));
        });
        return deal;
    }

    /**
     * Another of the rep's open deals gets a contract two of its contacts signed through the signing service, as
     * they would from their links: sent, a link handed to each, opened, signed with consent, and completed with the
     * signed copy and its certificate page; the chain records every step. One transaction, so the contract is
     * signed before its process could start (which then has nothing to do).
     */
    private void signedByBoth(UUID template, UUID rep, Caller repCaller, UUID notThisDeal) {
        List<UUID> deals = transactions.execute(s -> jdbc.queryForList(
                """
                SELECT d.id FROM deals d
                JOIN pipelines p ON p.id = d.pipeline_id AND p.is_default
                JOIN pipeline_stages s ON s.id = d.stage_id AND NOT s.closed AND NOT s.requires_approval
                WHERE d.owner_id = ? AND d.status = 'open' AND d.deleted_at IS NULL AND d.id <> ?
                  AND NOT EXISTS (SELECT 1 FROM contracts k WHERE k.deal_id = d.id)
                ORDER BY d.created_at DESC, d.id LIMIT 1
                """,
                UUID.class,
                rep,
                notThisDeal));
        List<UUID> signers = transactions.execute(s -> jdbc.queryForList(
                """
                SELECT id FROM contacts WHERE owner_id = ? AND email IS NOT NULL AND deleted_at IS NULL
                ORDER BY created_at DESC, id LIMIT 2
                """,
                UUID.class,
                rep));
        if (deals == null || deals.isEmpty() || signers == null || signers.size() < 2) {
            return;
        }
        UUID deal = deals.get(0);
        UUID contract = as(repCaller, () -> {
            prepare(deal, signers);
            return contracts
                    .generate(deal, new Contracts.GenerateContract(template, SIGNED, signers))
                    .id();
        });
        as(
                repCaller,
                () -> transactions.execute(s -> {
                    contracts.send(contract, new Contracts.SendContract(30));
                    ContractSigning.Client client = new ContractSigning.Client("203.0.113.24", "Salesflow demo data");
                    for (ContractView.ContractSigner signer :
                            contracts.get(contract).signers()) {
                        String url =
                                contracts.signingLink(contract, signer.id()).url();
                        String token = url.substring(url.lastIndexOf('/') + 1);
                        signing.open(token, client);
                        signing.sign(token, new ContractSigning.SignatureInput(true, signer.name()), client);
                    }
                    steps.complete(contract);
                    return null;
                }));
    }

    /** The deal's line items, and its contacts (the first the decision maker). */
    private void prepare(UUID deal, List<UUID> contacts) {
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
        List<Map<String, Object>> roles = new java.util.ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            roles.add(Map.of(
                    "contactId", contacts.get(i), "role", i == 0 ? "decision_maker" : "champion", "primary", i == 0));
        }
        dealContacts.replace(deal, json.valueToTree(roles), null);
    }

    private <T> T as(Caller caller, java.util.function.Supplier<T> work) {
        RequestContext.Actor actor =
                new RequestContext.Actor(RequestContext.Actor.Type.USER, caller.userId(), caller.name());
        return onBehalf.call(caller, actor, new RequestMetadata("demo", null, null), work);
    }
}
