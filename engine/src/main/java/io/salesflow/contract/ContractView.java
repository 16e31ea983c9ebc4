package io.salesflow.contract;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A contract as the API shows it: its status, the documents' fingerprints and each signer's evidence. */
public record ContractView(
        UUID id,
        UUID dealId,
        UUID templateId,
        String title,
        String status,
        String documentSha256,
        String signedDocumentSha256,
        Instant expiresAt,
        Instant createdAt,
        Instant sentAt,
        Instant completedAt,
        List<ContractSigner> signers) {

    /**
     * A signer and the evidence of what they did: when they were invited, opened their link, signed (with the name
     * they typed, their address, browser and the SHA-256 of the document they saw) or declined (with the reason).
     * {@code emailVerified}: they opened the link that was sent only to their address.
     */
    public record ContractSigner(
            UUID id,
            UUID contactId,
            String name,
            String email,
            String status,
            Instant invitedAt,
            Instant remindedAt,
            Instant viewedAt,
            Instant signedAt,
            String signedName,
            Instant declinedAt,
            String declineReason,
            String ip,
            String userAgent,
            String documentSha256,
            boolean emailVerified) {}
}
