package io.salesflow.contract;

import io.salesflow.deal.DealContacts;
import io.salesflow.deal.DealLineItems;
import io.salesflow.deal.DealStates;
import io.salesflow.deal.Deals;
import io.salesflow.identity.Caller;
import io.salesflow.platform.problem.Problem;
import io.salesflow.records.RecordQueries;
import io.salesflow.tenancy.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A deal's contracts for the calling user: reading needs the deal readable, generating and sending it writable.
 * Generating lays the template out with the deal's facts and line items and keeps the PDF with its SHA-256 (the first
 * event of the contract's chain); sending publishes {@link ContractSent}, which starts the contract-signing process.
 */
@Service
public class Contracts {

    static final int MAX_SIGNERS = 20;

    private final ContractStore store;
    private final ContractChain chain;
    private final ContractTemplates templates;
    private final ContractDocuments documents;
    private final Deals deals;
    private final DealStates dealStates;
    private final DealContacts dealContacts;
    private final DealLineItems lineItems;
    private final RecordQueries records;
    private final ContractProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ContractSteps steps;

    Contracts(
            ContractStore store,
            ContractChain chain,
            ContractTemplates templates,
            ContractDocuments documents,
            Deals deals,
            DealStates dealStates,
            DealContacts dealContacts,
            DealLineItems lineItems,
            RecordQueries records,
            ContractProperties properties,
            ApplicationEventPublisher events,
            Clock clock,
            ContractSteps steps) {
        this.steps = steps;
        this.store = store;
        this.chain = chain;
        this.templates = templates;
        this.documents = documents;
        this.deals = deals;
        this.dealStates = dealStates;
        this.dealContacts = dealContacts;
        this.lineItems = lineItems;
        this.records = records;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** What to generate: from which template, under which title, to be signed by which of the deal's contacts. */
    public record GenerateContract(UUID templateId, String title, List<UUID> signerContactIds) {}

    /** Sending: how many days the links work (1 to 90; the installation's default when null). */
    public record SendContract(Integer expiresInDays) {}

    /** The result of recomputing a contract's chain and documents: valid, or what broke. */
    public record ContractVerification(
            boolean valid,
            int eventsChecked,
            String documentSha256,
            String signedDocumentSha256,
            List<String> problems) {}

    /** The deal's contracts, newest first (at most 50). */
    @Transactional(readOnly = true)
    public List<ContractView> ofDeal(UUID dealId) {
        requireReadable(dealId);
        return store.ofDeal(dealId).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public ContractView get(UUID id) {
        return view(readable(id));
    }

    /** The generated PDF, or the signed copy with its certificate page. */
    @Transactional(readOnly = true)
    public byte[] document(UUID id, boolean signed) {
        ContractStore.Contract contract = readable(id);
        if (!signed) {
            return store.document(contract.id());
        }
        return store.signedDocument(contract.id())
                .orElseThrow(() -> new Problem(
                        404,
                        "not-signed",
                        "Not signed",
                        "The contract has no signed copy: it is " + contract.status()));
    }

    @Transactional
    public ContractView generate(UUID dealId, GenerateContract request) {
        requireWritable(dealId);
        if (request == null || request.templateId() == null) {
            throw Problem.invalid("templateId", "is required");
        }
        ContractTemplates.ContractTemplateView template = templates
                .find(request.templateId())
                .orElseThrow(() -> Problem.invalid("templateId", "no contract template " + request.templateId()));
        String title = request.title() == null || request.title().isBlank()
                ? template.name()
                : request.title().trim();
        if (title.length() > 200) {
            throw Problem.invalid("title", "must have at most 200 characters");
        }
        List<UUID> ids = request.signerContactIds() == null ? List.of() : request.signerContactIds();
        if (ids.isEmpty()) {
            throw Problem.invalid("signerContactIds", "needs at least one signer: a contact of the deal");
        }
        if (ids.size() > MAX_SIGNERS) {
            throw Problem.invalid("signerContactIds", "must name at most " + MAX_SIGNERS + " signers");
        }
        Map<UUID, DealContacts.DealContact> contacts = new java.util.HashMap<>();
        dealContacts.of(dealId).forEach(c -> contacts.put(c.contactId(), c));
        List<ContractDocuments.Party> parties = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String field = "signerContactIds[" + i + "]";
            DealContacts.DealContact contact = contacts.get(ids.get(i));
            if (contact == null) {
                throw Problem.invalid(field, "is not a contact of this deal");
            }
            if (!seen.add(contact.contactId())) {
                throw Problem.invalid(field, "is in the list twice");
            }
            if (contact.email() == null || contact.email().isBlank()) {
                throw Problem.invalid(field, "has no email address to send the signing link to");
            }
            parties.add(new ContractDocuments.Party(name(contact), contact.email()));
        }
        DealStates.DealFacts facts = dealStates.facts(dealId).orElseThrow(() -> Problem.notFound("Deal", dealId));
        byte[] pdf = documents.render("templateId", template.body(), title, facts, lineItems.lines(dealId), parties);
        String sha = Sha256.hex(pdf);
        UUID id = UUID.randomUUID();
        store.insert(
                id, dealId, template.id(), title, pdf, sha, Caller.require().userId());
        for (int i = 0; i < ids.size(); i++) {
            store.insertSigner(
                    UUID.randomUUID(),
                    id,
                    i,
                    ids.get(i),
                    parties.get(i).name(),
                    parties.get(i).email());
        }
        chain.append(
                id,
                "generated",
                null,
                Map.of(
                        "documentSha256", sha,
                        "templateId", template.id().toString(),
                        "templateVersion", Long.toString(template.version()),
                        "by", Caller.require().userId().toString(),
                        "signers",
                                String.join(
                                        ", ",
                                        parties.stream()
                                                .map(ContractDocuments.Party::email)
                                                .toList())));
        return view(store.find(id).orElseThrow());
    }

    /** Sends a draft out for signature; one contract per deal is out at a time (409). */
    @Transactional
    public ContractView send(UUID id, SendContract request) {
        ContractStore.Contract contract = readable(id);
        requireWritable(contract.dealId());
        contract = store.lock(id).orElseThrow();
        if (!"draft".equals(contract.status())) {
            throw new Problem(
                    409,
                    "contract-not-draft",
                    "Already sent",
                    "The contract is " + contract.status() + "; generate a new one");
        }
        Duration validity = properties.linkValidity();
        if (request != null && request.expiresInDays() != null) {
            if (request.expiresInDays() < 1 || request.expiresInDays() > 90) {
                throw Problem.invalid("expiresInDays", "must be from 1 to 90");
            }
            validity = Duration.ofDays(request.expiresInDays());
        }
        UUID dealId = contract.dealId();
        boolean another = store.ofDeal(dealId).stream().anyMatch(c -> "sent".equals(c.status()));
        if (another) {
            throw new Problem(
                    409,
                    "contract-out",
                    "Another contract is out",
                    "Another contract of this deal is out for signature; wait for it or let it expire");
        }
        Instant now = now();
        Instant expiresAt = now.plus(validity);
        store.send(id, now, expiresAt);
        DealStates.DealFacts facts = dealStates.facts(dealId).orElseThrow(() -> Problem.notFound("Deal", dealId));
        events.publishEvent(new ContractSent(
                TenantContext.require(),
                id,
                dealId,
                facts.name(),
                contract.title(),
                facts.ownerId(),
                expiresAt,
                properties.reminderEveryWorkingDays()));
        return view(store.find(id).orElseThrow());
    }

    /**
     * A fresh personal link for one signer of a contract out for signature, for the caller (who may change the deal)
     * to hand over; the signer's earlier link stops working.
     */
    @Transactional
    public ContractSteps.SigningLink signingLink(UUID id, UUID signerId) {
        ContractStore.Contract contract = readable(id);
        requireWritable(contract.dealId());
        return steps.handOver(id, signerId, Caller.require().userId());
    }

    /** Recomputes the contract's chain and its documents' SHA-256, saying what broke. */
    @Transactional(readOnly = true)
    public ContractVerification verify(UUID id) {
        ContractStore.Contract contract = readable(id);
        List<ContractChain.Event> events = chain.events(id);
        List<String> problems = new ArrayList<>(chain.verify(id, events));
        String document = Sha256.hex(store.document(id));
        if (!document.equals(contract.documentSha256())) {
            problems.add("The stored document was altered: its SHA-256 is " + document + ", not the "
                    + contract.documentSha256() + " it was generated with");
        }
        events.stream()
                .filter(e -> "generated".equals(e.kind()))
                .findFirst()
                .map(e -> ContractChain.data(e).get("documentSha256"))
                .filter(sha -> !sha.equals(document))
                .ifPresent(sha -> problems.add("The document does not match the SHA-256 " + sha
                        + " the chain recorded when it was generated"));
        String signed = store.signedDocument(id).map(Sha256::hex).orElse(null);
        if (contract.signedSha256() != null && !contract.signedSha256().equals(signed)) {
            problems.add("The signed copy was altered: its SHA-256 is " + signed + ", not " + contract.signedSha256());
        }
        events.stream()
                .filter(e -> "completed".equals(e.kind()))
                .findFirst()
                .map(e -> ContractChain.data(e).get("signedDocumentSha256"))
                .filter(sha -> !sha.equals(signed))
                .ifPresent(sha -> problems.add("The signed copy does not match the SHA-256 " + sha
                        + " the chain recorded when it was completed"));
        return new ContractVerification(problems.isEmpty(), events.size(), document, signed, problems);
    }

    /** The events of the contract's chain, in order. */
    @Transactional(readOnly = true)
    public List<ContractEventView> events(UUID id) {
        readable(id);
        return chain.events(id).stream()
                .map(e -> new ContractEventView(
                        e.seq(), e.kind(), e.signerId(), e.occurredAt(), ContractChain.data(e), e.prevHash(), e.hash()))
                .toList();
    }

    /** One event of a contract's chain. */
    public record ContractEventView(
            int seq,
            String kind,
            UUID signerId,
            Instant occurredAt,
            Map<String, String> data,
            String prevHash,
            String hash) {}

    private ContractStore.Contract readable(UUID id) {
        ContractStore.Contract contract = store.find(id).orElseThrow(() -> Problem.notFound("Contract", id));
        if (!records.isLive(deals.type(), contract.dealId(), Caller.require())) {
            throw Problem.notFound("Contract", id);
        }
        return contract;
    }

    private void requireReadable(UUID dealId) {
        if (!records.isLive(deals.type(), dealId, Caller.require())) {
            throw Problem.notFound("Deal", dealId);
        }
    }

    private void requireWritable(UUID dealId) {
        requireReadable(dealId);
        if (!records.isWritable(deals.type(), dealId, Caller.require())) {
            throw Problem.forbidden("Your role does not allow changing this deal's contracts");
        }
    }

    ContractView view(ContractStore.Contract c) {
        return new ContractView(
                c.id(),
                c.dealId(),
                c.templateId(),
                c.title(),
                c.status(),
                c.documentSha256(),
                c.signedSha256(),
                c.expiresAt(),
                c.createdAt(),
                c.sentAt(),
                c.completedAt(),
                store.signers(c.id()).stream().map(ContractStore.Signer::view).toList());
    }

    static String name(DealContacts.DealContact contact) {
        String name = ((contact.firstName() == null ? "" : contact.firstName()) + " "
                        + (contact.lastName() == null ? "" : contact.lastName()))
                .strip();
        return name.isEmpty() ? contact.email() : name;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
