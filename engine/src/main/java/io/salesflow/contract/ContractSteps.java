package io.salesflow.contract;

import io.salesflow.deal.DealStageReturns;
import io.salesflow.email.EmailProperties;
import io.salesflow.email.Emails;
import io.salesflow.platform.problem.Problem;
import io.salesflow.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps the contract-signing process takes, on the system's authority in the process's tenant: invite the
 * signers (a fresh link each, by email through the outbox), remind those who have not signed (a fresh link replaces
 * the last), complete a contract every signer signed (the signed copy with its certificate page, attached to an email
 * to every signer with a link to it), expire one nobody finished, and send a deal back when a signer declined. Each is recorded in
 * the contract's chain; a step run again (a retried job) does nothing twice. A workspace without an email sender gets
 * its links issued and recorded but no email: the deal's owner hands the links over ({@link #handOver}).
 */
@Service
public class ContractSteps {

    private final ContractStore store;
    private final ContractChain chain;
    private final ContractDocuments documents;
    private final ContractTemplates templates;
    private final SigningTokens tokens;
    private final Emails emails;
    private final EmailProperties emailProperties;
    private final DealStageReturns stageReturns;
    private final Clock clock;

    ContractSteps(
            ContractStore store,
            ContractChain chain,
            ContractDocuments documents,
            ContractTemplates templates,
            SigningTokens tokens,
            Emails emails,
            EmailProperties emailProperties,
            DealStageReturns stageReturns,
            Clock clock) {
        this.store = store;
        this.chain = chain;
        this.documents = documents;
        this.templates = templates;
        this.tokens = tokens;
        this.emails = emails;
        this.emailProperties = emailProperties;
        this.stageReturns = stageReturns;
        this.clock = clock;
    }

    /** A signed copy larger than this goes out as a link only (an email carries at most 10 MB of files). */
    static final int MAX_ATTACHED_BYTES = 9 * 1024 * 1024;

    /**
     * What an invitation records when the workspace has no email sender yet: the link is issued all the same (the
     * deal's owner can hand a fresh one over, {@link #handOver}), no email waits for a sender that may never come.
     */
    static final Emails.ProcessSend NOT_EMAILED = new Emails.ProcessSend(null, "email-not-configured");

    /** A signer's personal link, handed over by the deal's owner rather than emailed. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ContractSigningLink")
    public record SigningLink(UUID signerId, String url, Instant expiresAt) {}

    /**
     * A fresh personal link for a signer of a contract out for signature, for the deal's owner to hand over in person
     * or through another channel; the signer's earlier link stops working. Recorded in the chain like an emailed one.
     * The caller's access to the deal is checked by {@link Contracts#signingLink}.
     */
    @Transactional
    SigningLink handOver(UUID contractId, UUID signerId, UUID by) {
        ContractStore.Contract contract =
                store.lock(contractId).orElseThrow(() -> Problem.notFound("Contract", contractId));
        ContractStore.Signer signer = store.signers(contractId).stream()
                .filter(s -> s.id().equals(signerId))
                .findFirst()
                .orElseThrow(() -> Problem.notFound("Signer", signerId));
        // The signer's own state first: once the last signer signs, the contract leaves "sent" moments later.
        if ("signed".equals(signer.status()) || "declined".equals(signer.status())) {
            throw new Problem(
                    409,
                    "signer-done",
                    "The signer is done",
                    signer.name() + " has " + signer.status() + " already: there is nothing left to sign");
        }
        if (!"sent".equals(contract.status())) {
            throw new Problem(
                    409,
                    "contract-not-out",
                    "Not out for signature",
                    "The contract is " + contract.status() + ": only a contract out for signature has links");
        }
        boolean first = "pending".equals(signer.status());
        String token = tokens.issue(TenantContext.require(), signer.id());
        store.invite(signer.id(), SigningTokens.hash(token), now(), !first);
        chain.append(
                contract.id(),
                first ? "sent" : "reminded",
                signer.id(),
                Map.of(
                        "email", signer.email(),
                        "emailId", "",
                        "emailStatus", "handed-over",
                        "handedOverBy", String.valueOf(by),
                        "expiresAt", String.valueOf(contract.expiresAt())));
        return new SigningLink(signer.id(), link(token), contract.expiresAt());
    }

    /** Whether the contract is still out for signature (a late start of its process has nothing to do otherwise). */
    @Transactional(readOnly = true)
    public boolean isOut(UUID contractId) {
        return store.find(contractId).map(c -> "sent".equals(c.status())).orElse(false);
    }

    /** Who declined a contract and why, for the owner's task. */
    public record Declined(String signerName, String reason) {}

    /** Sends every signer who has no link yet their link; how many were invited. */
    @Transactional
    public int invite(UUID contractId) {
        ContractStore.Contract contract = out(contractId);
        int sent = 0;
        for (ContractStore.Signer signer : store.signers(contractId)) {
            if ("pending".equals(signer.status())) {
                send(contract, signer, false);
                sent++;
            }
        }
        return sent;
    }

    /** Sends a fresh link to every signer who has not signed yet; how many were reminded. */
    @Transactional
    public int remind(UUID contractId) {
        ContractStore.Contract contract =
                store.lock(contractId).orElseThrow(() -> Problem.notFound("Contract", contractId));
        if (!"sent".equals(contract.status())) {
            return 0;
        }
        int reminded = 0;
        for (ContractStore.Signer signer : store.signers(contractId)) {
            if ("invited".equals(signer.status()) || "viewed".equals(signer.status())) {
                send(contract, signer, true);
                reminded++;
            }
        }
        return reminded;
    }

    /** Completes a contract every signer signed: the signed copy, its chain event, and the copy's link to each. */
    @Transactional
    public void complete(UUID contractId) {
        ContractStore.Contract contract =
                store.lock(contractId).orElseThrow(() -> Problem.notFound("Contract", contractId));
        if ("signed".equals(contract.status())) {
            return;
        }
        List<ContractStore.Signer> signers = store.signers(contractId);
        if (!"sent".equals(contract.status()) || !signers.stream().allMatch(s -> "signed".equals(s.status()))) {
            throw new IllegalStateException("Contract " + contractId + " is " + contract.status()
                    + " and not signed by everyone: it cannot be completed");
        }
        byte[] signed = documents.signedCopy(
                store.document(contractId),
                contract.title(),
                contractId,
                contract.documentSha256(),
                signers.stream()
                        .map(s -> new ContractDocuments.Evidence(
                                s.name(),
                                s.email(),
                                s.signedAt(),
                                s.signedName(),
                                s.ip(),
                                s.userAgent(),
                                s.documentSha256()))
                        .toList());
        String sha = Sha256.hex(signed);
        Instant now = now();
        store.signed(contractId, signed, sha, now);
        chain.append(
                contractId,
                "completed",
                null,
                Map.of(
                        "signedDocumentSha256",
                        sha,
                        "documentSha256",
                        contract.documentSha256(),
                        "signatures",
                        Integer.toString(signers.size())));
        UUID emailTemplate = templates
                .find(contract.templateId())
                .map(t -> t.emailTemplateId())
                .orElse(null);
        List<Emails.EmailAttachment> files = signed.length <= MAX_ATTACHED_BYTES
                ? List.of(new Emails.EmailAttachment(filename(contract.title()), "application/pdf", signed))
                : List.of();
        for (ContractStore.Signer signer : signers) {
            String token = tokens.issue(TenantContext.require(), signer.id());
            store.link(signer.id(), SigningTokens.hash(token));
            if (emailTemplate != null && emails.isConfigured()) {
                emails.sendForProcess(
                        "contact",
                        signer.contactId(),
                        emailTemplate,
                        vars(
                                contract,
                                "Signed: " + contract.title(),
                                "Everyone has signed " + contract.title() + ". Your signed copy, with its certificate"
                                        + " page, is attached" + (files.isEmpty() ? " at" : " and at") + " this link:",
                                token),
                        files);
            }
        }
    }

    /** Expires a contract still out for signature; whether it did. */
    @Transactional
    public boolean expire(UUID contractId) {
        ContractStore.Contract contract =
                store.lock(contractId).orElseThrow(() -> Problem.notFound("Contract", contractId));
        if (!"sent".equals(contract.status())) {
            return false;
        }
        store.status(contractId, "expired", now());
        long unsigned = store.signers(contractId).stream()
                .filter(s -> !"signed".equals(s.status()))
                .count();
        chain.append(
                contractId,
                "expired",
                null,
                Map.of("expiresAt", String.valueOf(contract.expiresAt()), "unsigned", Long.toString(unsigned)));
        return true;
    }

    /** Who declined and why. */
    @Transactional(readOnly = true)
    public Declined declined(UUID contractId) {
        return store.signers(contractId).stream()
                .filter(s -> "declined".equals(s.status()))
                .findFirst()
                .map(s -> new Declined(s.name() + " <" + s.email() + ">", s.declineReason()))
                .orElse(new Declined("", ""));
    }

    /** Sends the contract's deal back one stage, saying who declined; the stage it is in afterwards. */
    @Transactional
    public String returnDeal(UUID contractId) {
        ContractStore.Contract contract =
                store.find(contractId).orElseThrow(() -> Problem.notFound("Contract", contractId));
        Declined declined = declined(contractId);
        return stageReturns.back(
                contract.dealId(),
                "Contract '" + contract.title() + "' declined by " + declined.signerName() + ": " + declined.reason());
    }

    private ContractStore.Contract out(UUID contractId) {
        ContractStore.Contract contract =
                store.lock(contractId).orElseThrow(() -> Problem.notFound("Contract", contractId));
        if (!"sent".equals(contract.status())) {
            throw new IllegalStateException(
                    "Contract " + contractId + " is " + contract.status() + ", not out for signature");
        }
        return contract;
    }

    private void send(ContractStore.Contract contract, ContractStore.Signer signer, boolean reminder) {
        UUID emailTemplate = templates
                .find(contract.templateId())
                .map(t -> t.emailTemplateId())
                .orElseThrow(() -> new IllegalStateException("The template of contract " + contract.id()
                        + " is archived: no email template to invite with"));
        String token = tokens.issue(TenantContext.require(), signer.id());
        store.invite(signer.id(), SigningTokens.hash(token), now(), reminder);
        Emails.ProcessSend sent = !emails.isConfigured()
                ? NOT_EMAILED
                : emails.sendForProcess(
                        "contact",
                        signer.contactId(),
                        emailTemplate,
                        vars(
                                contract,
                                (reminder ? "Reminder: please sign " : "Please sign ") + contract.title(),
                                (reminder ? "A reminder: " : "") + "you are asked to sign " + contract.title()
                                        + ". Open your personal link to read and sign it (or decline) before "
                                        + contract.expiresAt() + ":",
                                token));
        chain.append(
                contract.id(),
                reminder ? "reminded" : "sent",
                signer.id(),
                Map.of(
                        "email", signer.email(),
                        "emailId", sent.emailId() == null ? "" : sent.emailId().toString(),
                        "emailStatus", sent.status(),
                        "expiresAt", String.valueOf(contract.expiresAt())));
    }

    static String filename(String title) {
        String name = title.replaceAll("[^A-Za-z0-9 ._-]", "-").strip();
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        return (name.isEmpty() ? "contract" : name) + " (signed).pdf";
    }

    private Map<String, String> vars(ContractStore.Contract contract, String subject, String message, String token) {
        return Map.of(
                "subject", subject,
                "message", message,
                "link", link(token),
                "contractTitle", contract.title(),
                "expiresAt", String.valueOf(contract.expiresAt()));
    }

    /** The signing page of a token, where the signer reads, signs or declines (the web app's {@code /sign/:token}). */
    String link(String token) {
        return emailProperties.publicUrl().replaceAll("/+$", "") + "/sign/" + token;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
