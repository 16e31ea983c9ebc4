package io.salesflow.contract;

import io.salesflow.platform.problem.Problem;
import io.salesflow.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a signer does through their link, without an account: open the contract (recorded once as viewed), read the
 * document, sign it (consent and typed name) or decline it (with a reason). Every refusal is a problem that says why
 * and changes nothing: an unknown or replaced link is a 404, an expired one a 410, signing twice or after a decline a
 * 409. Each call runs in the tenant the token names; the token itself is checked against the stored hash.
 */
@Service
public class ContractSigning {

    static final int MAX_REASON = 2000;

    private final SigningTokens tokens;
    private final ContractStore store;
    private final ContractChain chain;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ContractSigning(
            SigningTokens tokens,
            ContractStore store,
            ContractChain chain,
            ApplicationEventPublisher events,
            Clock clock) {
        this.tokens = tokens;
        this.store = store;
        this.chain = chain;
        this.events = events;
        this.clock = clock;
    }

    /** What the signing page shows. */
    public record SigningView(
            String title,
            String status,
            String signerName,
            String signerEmail,
            String signerStatus,
            String documentSha256,
            Instant expiresAt,
            Instant signedAt,
            boolean signedCopyAvailable,
            List<SigningParty> signers) {}

    /** Everyone who signs, and how far they are. */
    public record SigningParty(String name, String status) {}

    /** Consent to sign: {@code consent} must be true and {@code typedName} the signer's name as they type it. */
    public record SignatureInput(Boolean consent, String typedName) {}

    /** A decline, with the reason the deal's owner reads. */
    public record DeclineInput(String reason) {}

    /** Who is asking: the client address and browser, kept as evidence. */
    public record Client(String ip, String userAgent) {}

    /** The tenant of a genuine token, for rate limiting before anything is read; empty for anything else. */
    public java.util.Optional<UUID> tenantOf(String token) {
        return tokens.open(token).map(SigningTokens.Target::tenantId);
    }

    /** Opens the contract for the signer; the first time is recorded as viewed (their email address verified). */
    @Transactional
    public SigningView open(String token, Client client) {
        Located at = locate(token, false);
        if ("invited".equals(at.signer().status())
                && "sent".equals(at.contract().status())) {
            Instant now = now();
            store.viewed(at.signer().id(), now);
            chain.append(at.contract().id(), "viewed", at.signer().id(), evidence(at.signer(), client, Map.of()));
        }
        return view(at.contract().id(), at.signer().id());
    }

    /** The document as generated, or the signed copy once every signer has signed. */
    @Transactional(readOnly = true)
    public byte[] document(String token) {
        Located at = locate(token, false);
        if ("signed".equals(at.contract().status())) {
            return store.signedDocument(at.contract().id())
                    .orElseGet(() -> store.document(at.contract().id()));
        }
        return store.document(at.contract().id());
    }

    @Transactional
    public SigningView sign(String token, SignatureInput request, Client client) {
        if (request == null || !Boolean.TRUE.equals(request.consent())) {
            throw Problem.invalid("consent", "must be ticked: you agree to sign the document electronically");
        }
        String typed = request.typedName() == null ? "" : request.typedName().strip();
        if (typed.isEmpty()) {
            throw Problem.invalid("typedName", "is required: type your full name to sign");
        }
        if (typed.length() > 200) {
            throw Problem.invalid("typedName", "must have at most 200 characters");
        }
        Located at = locate(token, true);
        requireOpen(at);
        Instant now = now();
        String sha = at.contract().documentSha256();
        store.sign(at.signer().id(), now, typed, ip(client), agent(client), sha);
        chain.append(
                at.contract().id(),
                "signed",
                at.signer().id(),
                evidence(at.signer(), client, Map.of("typedName", typed, "documentSha256", sha, "consent", "true")));
        boolean all = store.signers(at.contract().id()).stream().allMatch(s -> "signed".equals(s.status()));
        if (all) {
            events.publishEvent(new ContractSigned(
                    TenantContext.require(), at.contract().id(), at.contract().dealId()));
        }
        return view(at.contract().id(), at.signer().id());
    }

    @Transactional
    public SigningView decline(String token, DeclineInput request, Client client) {
        String reason = request == null || request.reason() == null
                ? ""
                : request.reason().strip();
        if (reason.isEmpty()) {
            throw Problem.invalid("reason", "is required: tell the sender why you decline");
        }
        if (reason.length() > MAX_REASON) {
            throw Problem.invalid("reason", "must have at most " + MAX_REASON + " characters");
        }
        Located at = locate(token, true);
        requireOpen(at);
        Instant now = now();
        store.decline(at.signer().id(), now, reason, ip(client), agent(client));
        store.status(at.contract().id(), "declined", now);
        chain.append(
                at.contract().id(),
                "declined",
                at.signer().id(),
                evidence(at.signer(), client, Map.of("reason", reason)));
        events.publishEvent(new ContractDeclined(
                TenantContext.require(),
                at.contract().id(),
                at.contract().dealId(),
                at.signer().name(),
                reason));
        return view(at.contract().id(), at.signer().id());
    }

    private record Located(ContractStore.Contract contract, ContractStore.Signer signer) {}

    /** The signer and contract of a genuine, current link; the contract locked when {@code forUpdate}. */
    private Located locate(String token, boolean forUpdate) {
        SigningTokens.Target target = tokens.open(token).orElseThrow(ContractSigning::unknown);
        if (!target.tenantId().equals(TenantContext.require())) {
            throw unknown();
        }
        ContractStore.Signer signer = store.signerByToken(target.signerId(), SigningTokens.hash(token))
                .orElseThrow(ContractSigning::unknown);
        ContractStore.Contract contract = (forUpdate
                        ? store.lock(signer.contractId())
                        : store.find(signer.contractId()))
                .orElseThrow(ContractSigning::unknown);
        if (forUpdate) {
            signer = store.signer(signer.id()).orElseThrow(ContractSigning::unknown);
        }
        boolean expired = "expired".equals(contract.status())
                || ("sent".equals(contract.status())
                        && contract.expiresAt() != null
                        && !now().isBefore(contract.expiresAt()));
        if (expired) {
            throw new Problem(
                    410,
                    "link-expired",
                    "Link expired",
                    "This signing link expired on " + contract.expiresAt() + "; ask the sender for a new contract");
        }
        return new Located(contract, signer);
    }

    private static void requireOpen(Located at) {
        if ("signed".equals(at.signer().status())) {
            throw new Problem(
                    409,
                    "already-signed",
                    "Already signed",
                    "You signed this contract on " + at.signer().signedAt());
        }
        if ("declined".equals(at.signer().status())) {
            throw new Problem(409, "already-declined", "Declined", "You declined this contract");
        }
        if (!"sent".equals(at.contract().status())) {
            throw new Problem(
                    409,
                    "contract-closed",
                    "No longer open for signature",
                    "This contract is " + at.contract().status() + " and can no longer be signed");
        }
    }

    private SigningView view(UUID contractId, UUID signerId) {
        ContractStore.Contract contract = store.find(contractId).orElseThrow();
        List<ContractStore.Signer> signers = store.signers(contractId);
        ContractStore.Signer signer = signers.stream()
                .filter(s -> s.id().equals(signerId))
                .findFirst()
                .orElseThrow();
        return new SigningView(
                contract.title(),
                contract.status(),
                signer.name(),
                signer.email(),
                signer.status(),
                contract.documentSha256(),
                contract.expiresAt(),
                signer.signedAt(),
                contract.signedSha256() != null,
                signers.stream()
                        .map(s -> new SigningParty(s.name(), s.status()))
                        .toList());
    }

    private static Map<String, String> evidence(ContractStore.Signer signer, Client client, Map<String, String> more) {
        Map<String, String> data = new LinkedHashMap<>(more);
        data.put("email", signer.email());
        data.put("emailVerified", "the signer opened the link sent only to this address");
        data.put("ip", ip(client));
        data.put("userAgent", agent(client));
        return data;
    }

    private static String ip(Client client) {
        return client == null || client.ip() == null ? "" : cut(client.ip(), 100);
    }

    private static String agent(Client client) {
        return client == null || client.userAgent() == null ? "" : cut(client.userAgent(), 1000);
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static Problem unknown() {
        return new Problem(
                404,
                "unknown-link",
                "Unknown signing link",
                "This signing link is not valid: it is mistyped, or a newer email replaced it");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
