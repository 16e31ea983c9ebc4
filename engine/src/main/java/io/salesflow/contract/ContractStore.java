package io.salesflow.contract;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Contracts and their signers in PostgreSQL, under the tenant's row-level security. */
@Component
class ContractStore {

    /** A deal lists at most this many of its contracts, newest first. */
    static final int MAX_PER_DEAL = 50;

    private static final String CONTRACT_COLUMNS = "id, deal_id, template_id, title, status, document_sha256,"
            + " signed_sha256, expires_at, created_at, sent_at, completed_at";
    private static final String SIGNER_COLUMNS = "id, contract_id, contact_id, name, email, status, invited_at,"
            + " reminded_at, viewed_at, signed_at, signed_name, declined_at, decline_reason, ip, user_agent,"
            + " document_sha256";

    private final JdbcTemplate jdbc;

    ContractStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A contract row without its documents. */
    record Contract(
            UUID id,
            UUID dealId,
            UUID templateId,
            String title,
            String status,
            String documentSha256,
            String signedSha256,
            Instant expiresAt,
            Instant createdAt,
            Instant sentAt,
            Instant completedAt) {}

    /** A signer row. */
    record Signer(
            UUID id,
            UUID contractId,
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
            String documentSha256) {

        ContractView.ContractSigner view() {
            return new ContractView.ContractSigner(
                    id,
                    contactId,
                    name,
                    email,
                    status,
                    invitedAt,
                    remindedAt,
                    viewedAt,
                    signedAt,
                    signedName,
                    declinedAt,
                    declineReason,
                    ip,
                    userAgent,
                    documentSha256,
                    viewedAt != null);
        }
    }

    void insert(UUID id, UUID dealId, UUID templateId, String title, byte[] document, String sha, UUID createdBy) {
        jdbc.update(
                "INSERT INTO contracts (id, deal_id, template_id, title, status, document, document_sha256, created_by)"
                        + " VALUES (?, ?, ?, ?, 'draft', ?, ?, ?)",
                id,
                dealId,
                templateId,
                title,
                document,
                sha,
                createdBy);
    }

    void insertSigner(UUID id, UUID contractId, int position, UUID contactId, String name, String email) {
        jdbc.update(
                "INSERT INTO contract_signers (id, contract_id, position, contact_id, name, email, status)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'pending')",
                id,
                contractId,
                position,
                contactId,
                name,
                email);
    }

    Optional<Contract> find(UUID id) {
        return jdbc
                .query("SELECT " + CONTRACT_COLUMNS + " FROM contracts WHERE id = ?", ContractStore::contract, id)
                .stream()
                .findFirst();
    }

    /** The contract, its row locked until the transaction ends: what changes its status takes first. */
    Optional<Contract> lock(UUID id) {
        return jdbc
                .query(
                        "SELECT " + CONTRACT_COLUMNS + " FROM contracts WHERE id = ? FOR UPDATE",
                        ContractStore::contract,
                        id)
                .stream()
                .findFirst();
    }

    List<Contract> ofDeal(UUID dealId) {
        return jdbc.query(
                "SELECT " + CONTRACT_COLUMNS + " FROM contracts WHERE deal_id = ? ORDER BY created_at DESC, id DESC"
                        + " LIMIT ?",
                ContractStore::contract,
                dealId,
                MAX_PER_DEAL);
    }

    boolean hasSigned(UUID dealId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM contracts WHERE deal_id = ? AND status = 'signed')",
                Boolean.class,
                dealId));
    }

    List<Signer> signers(UUID contractId) {
        return jdbc.query(
                "SELECT " + SIGNER_COLUMNS + " FROM contract_signers WHERE contract_id = ? ORDER BY position",
                ContractStore::signer,
                contractId);
    }

    Optional<Signer> signer(UUID signerId) {
        return jdbc
                .query(
                        "SELECT " + SIGNER_COLUMNS + " FROM contract_signers WHERE id = ?",
                        ContractStore::signer,
                        signerId)
                .stream()
                .findFirst();
    }

    /** The signer whose latest link is {@code tokenHash}. */
    Optional<Signer> signerByToken(UUID signerId, byte[] tokenHash) {
        return jdbc
                .query(
                        "SELECT " + SIGNER_COLUMNS + " FROM contract_signers WHERE id = ? AND token_hash = ?",
                        ContractStore::signer,
                        signerId,
                        tokenHash)
                .stream()
                .findFirst();
    }

    byte[] document(UUID contractId) {
        return jdbc.queryForObject("SELECT document FROM contracts WHERE id = ?", byte[].class, contractId);
    }

    Optional<byte[]> signedDocument(UUID contractId) {
        return Optional.ofNullable(
                jdbc.queryForObject("SELECT signed_document FROM contracts WHERE id = ?", byte[].class, contractId));
    }

    void status(UUID contractId, String status, Instant at) {
        String column = "sent".equals(status) ? "sent_at" : "completed_at";
        jdbc.update(
                "UPDATE contracts SET status = ?, " + column + " = ?, version = version + 1 WHERE id = ?",
                status,
                Timestamp.from(at),
                contractId);
    }

    void send(UUID contractId, Instant at, Instant expiresAt) {
        jdbc.update(
                "UPDATE contracts SET status = 'sent', sent_at = ?, expires_at = ?, version = version + 1 WHERE id = ?",
                Timestamp.from(at),
                Timestamp.from(expiresAt),
                contractId);
    }

    void signed(UUID contractId, byte[] signed, String sha, Instant at) {
        jdbc.update(
                "UPDATE contracts SET status = 'signed', signed_document = ?, signed_sha256 = ?, completed_at = ?,"
                        + " version = version + 1 WHERE id = ?",
                signed,
                sha,
                Timestamp.from(at),
                contractId);
    }

    void invite(UUID signerId, byte[] tokenHash, Instant at, boolean reminder) {
        jdbc.update(
                "UPDATE contract_signers SET token_hash = ?, "
                        + (reminder ? "reminded_at = ?" : "invited_at = ?, status = 'invited'")
                        + " WHERE id = ?",
                tokenHash,
                Timestamp.from(at),
                signerId);
    }

    void link(UUID signerId, byte[] tokenHash) {
        jdbc.update("UPDATE contract_signers SET token_hash = ? WHERE id = ?", tokenHash, signerId);
    }

    void viewed(UUID signerId, Instant at) {
        jdbc.update(
                "UPDATE contract_signers SET status = 'viewed', viewed_at = ? WHERE id = ? AND status = 'invited'",
                Timestamp.from(at),
                signerId);
    }

    void sign(UUID signerId, Instant at, String typedName, String ip, String userAgent, String sha) {
        jdbc.update(
                "UPDATE contract_signers SET status = 'signed', signed_at = ?, signed_name = ?, ip = ?, user_agent = ?,"
                        + " document_sha256 = ?, viewed_at = coalesce(viewed_at, ?) WHERE id = ?",
                Timestamp.from(at),
                typedName,
                ip,
                userAgent,
                sha,
                Timestamp.from(at),
                signerId);
    }

    void decline(UUID signerId, Instant at, String reason, String ip, String userAgent) {
        jdbc.update(
                "UPDATE contract_signers SET status = 'declined', declined_at = ?, decline_reason = ?, ip = ?,"
                        + " user_agent = ?, viewed_at = coalesce(viewed_at, ?) WHERE id = ?",
                Timestamp.from(at),
                reason,
                ip,
                userAgent,
                Timestamp.from(at),
                signerId);
    }

    private static Contract contract(ResultSet rs, int i) throws SQLException {
        return new Contract(
                rs.getObject("id", UUID.class),
                rs.getObject("deal_id", UUID.class),
                rs.getObject("template_id", UUID.class),
                rs.getString("title"),
                rs.getString("status"),
                rs.getString("document_sha256"),
                rs.getString("signed_sha256"),
                instant(rs, "expires_at"),
                instant(rs, "created_at"),
                instant(rs, "sent_at"),
                instant(rs, "completed_at"));
    }

    private static Signer signer(ResultSet rs, int i) throws SQLException {
        return new Signer(
                rs.getObject("id", UUID.class),
                rs.getObject("contract_id", UUID.class),
                rs.getObject("contact_id", UUID.class),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("status"),
                instant(rs, "invited_at"),
                instant(rs, "reminded_at"),
                instant(rs, "viewed_at"),
                instant(rs, "signed_at"),
                rs.getString("signed_name"),
                instant(rs, "declined_at"),
                rs.getString("decline_reason"),
                rs.getString("ip"),
                rs.getString("user_agent"),
                rs.getString("document_sha256"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
